ALTER TABLE "grant_reports" ADD COLUMN "call_id" uuid;--> statement-breakpoint
ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_applications_awaiting_call_idx" ON "grant_applications" USING btree ("call_id","decision_due_at") WHERE "grant_applications"."status" IN ('submitted', 'screening', 'decision');--> statement-breakpoint
CREATE INDEX "grant_reports_awaited_call_idx" ON "grant_reports" USING btree ("call_id","due_date") WHERE "grant_reports"."submitted_at" IS NULL;--> statement-breakpoint
-- Data fix: every report takes the call of its award's application (made NOT NULL by the next migration).
UPDATE "grant_reports" SET "call_id" = "grant_applications"."call_id" FROM "grant_awards" JOIN "grant_applications" ON "grant_applications"."id" = "grant_awards"."application_id" WHERE "grant_awards"."id" = "grant_reports"."award_id";

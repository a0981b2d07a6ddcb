ALTER TABLE "grant_applications" ADD COLUMN "answers_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD COLUMN "answers_saved_by" text;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD COLUMN "answers_saved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_answers_saved_by_users_id_fk" FOREIGN KEY ("answers_saved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
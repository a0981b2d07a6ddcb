CREATE TABLE "insight_application_steps" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"screened_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"awarded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "insight_rollups" (
	"name" text PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insight_application_steps" ADD CONSTRAINT "insight_application_steps_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insight_application_steps_call_idx" ON "insight_application_steps" USING btree ("call_id","organisation_id");
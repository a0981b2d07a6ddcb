CREATE TABLE "grant_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"stage_index" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"screener_answers" jsonb,
	"requested_amount" bigint DEFAULT 0 NOT NULL,
	"info_request" text,
	"resume_status" text,
	"decision_message" text,
	"source" jsonb,
	"submitted_at" timestamp with time zone,
	"decision_due_at" timestamp with time zone,
	"clock_alert_sent_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, ''))) STORED NOT NULL,
	CONSTRAINT "grant_applications_amount" CHECK ("grant_applications"."requested_amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "grant_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"stage_index" integer NOT NULL,
	"reviewer_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"conflict_note" text,
	"declared_at" timestamp with time zone,
	"assigned_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"awarded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_awards_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "grant_awards_amount" CHECK ("grant_awards"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "grant_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"rolling" boolean DEFAULT false NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"currency" text NOT NULL,
	"budget" bigint NOT NULL,
	"max_award" bigint NOT NULL,
	"languages" text[] NOT NULL,
	"who_may_apply" text[] DEFAULT '{}'::text[] NOT NULL,
	"screener" jsonb NOT NULL,
	"stages" jsonb NOT NULL,
	"decision_target_days" integer,
	"report_months" integer[] DEFAULT '{}'::int[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_calls_slug_unique" UNIQUE("slug"),
	CONSTRAINT "grant_calls_dates" CHECK ("grant_calls"."rolling" OR ("grant_calls"."opens_at" IS NOT NULL AND "grant_calls"."closes_at" IS NOT NULL AND "grant_calls"."closes_at" > "grant_calls"."opens_at")),
	CONSTRAINT "grant_calls_amounts" CHECK ("grant_calls"."budget" >= 0 AND "grant_calls"."max_award" > 0)
);
--> statement-breakpoint
CREATE TABLE "grant_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"lead_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_programmes_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "grant_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"changes" text[] DEFAULT '{}'::text[] NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"evidence_links" text[] DEFAULT '{}'::text[] NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"total" real NOT NULL,
	"percent" real NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_reviews_assignment_id_unique" UNIQUE("assignment_id")
);
--> statement-breakpoint
CREATE TABLE "grant_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"stage_index" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_tranches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"planned_date" date NOT NULL,
	"planned_amount" bigint NOT NULL,
	"paid_date" date,
	"paid_amount" bigint,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_tranches_amounts" CHECK ("grant_tranches"."planned_amount" > 0 AND ("grant_tranches"."paid_amount" IS NULL OR "grant_tranches"."paid_amount" > 0))
);
--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_assignments" ADD CONSTRAINT "grant_assignments_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_assignments" ADD CONSTRAINT "grant_assignments_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_assignments" ADD CONSTRAINT "grant_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_awards" ADD CONSTRAINT "grant_awards_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_awards" ADD CONSTRAINT "grant_awards_awarded_by_users_id_fk" FOREIGN KEY ("awarded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_calls" ADD CONSTRAINT "grant_calls_programme_id_grant_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."grant_programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_programmes" ADD CONSTRAINT "grant_programmes_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_award_id_grant_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."grant_awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reviews" ADD CONSTRAINT "grant_reviews_assignment_id_grant_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."grant_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reviews" ADD CONSTRAINT "grant_reviews_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_revisions" ADD CONSTRAINT "grant_revisions_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_revisions" ADD CONSTRAINT "grant_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_award_id_grant_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."grant_awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_tranches" ADD CONSTRAINT "grant_tranches_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_applications_search_idx" ON "grant_applications" USING gin ("search");--> statement-breakpoint
CREATE INDEX "grant_applications_newest_idx" ON "grant_applications" USING btree ("submitted_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "grant_applications_status_newest_idx" ON "grant_applications" USING btree ("status","submitted_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "grant_applications_call_status_newest_idx" ON "grant_applications" USING btree ("call_id","status","submitted_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "grant_applications_status_oldest_idx" ON "grant_applications" USING btree ("status","submitted_at","id");--> statement-breakpoint
CREATE INDEX "grant_applications_status_amount_idx" ON "grant_applications" USING btree ("status","requested_amount" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "grant_applications_due_idx" ON "grant_applications" USING btree ("decision_due_at","id");--> statement-breakpoint
CREATE INDEX "grant_applications_org_idx" ON "grant_applications" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "grant_applications_title_idx" ON "grant_applications" USING btree ("title","id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_assignments_unique_idx" ON "grant_assignments" USING btree ("application_id","stage_index","reviewer_id");--> statement-breakpoint
CREATE INDEX "grant_assignments_reviewer_idx" ON "grant_assignments" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "grant_awards_awarded_idx" ON "grant_awards" USING btree ("awarded_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "grant_reports_award_idx" ON "grant_reports" USING btree ("award_id");--> statement-breakpoint
CREATE INDEX "grant_reports_due_idx" ON "grant_reports" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "grant_reviews_app_idx" ON "grant_reviews" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grant_revisions_app_rev_idx" ON "grant_revisions" USING btree ("application_id","revision");--> statement-breakpoint
CREATE INDEX "grant_tranches_award_idx" ON "grant_tranches" USING btree ("award_id");
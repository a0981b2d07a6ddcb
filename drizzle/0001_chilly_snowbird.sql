CREATE TABLE "criteria_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"criteria" jsonb NOT NULL,
	"bands" jsonb NOT NULL,
	"gate" jsonb,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criteria_sets_version_unique" UNIQUE("version"),
	CONSTRAINT "criteria_sets_version_positive" CHECK ("criteria_sets"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "engagement_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"assessor_id" text NOT NULL,
	"criteria_set_id" uuid NOT NULL,
	"assigned_by" text,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"requested_by" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"kinds" text[] NOT NULL,
	"goal" text NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"government_counterparts" text DEFAULT '' NOT NULL,
	"other_counterparts" text DEFAULT '' NOT NULL,
	"country" text NOT NULL,
	"timeline" text DEFAULT '' NOT NULL,
	"resources_committed" text DEFAULT '' NOT NULL,
	"criteria_set_id" uuid,
	"score" real,
	"band" text,
	"gate" text,
	"decision" text,
	"rationale" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_requests_score_range" CHECK ("engagement_requests"."score" IS NULL OR ("engagement_requests"."score" >= 0 AND "engagement_requests"."score" <= 100)),
	CONSTRAINT "engagement_requests_decided_has_rationale" CHECK ("engagement_requests"."decision" IS NULL OR length(coalesce("engagement_requests"."rationale", '')) > 0)
);
--> statement-breakpoint
CREATE TABLE "engagement_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"level" smallint,
	"answered" boolean DEFAULT true NOT NULL,
	"confidence" text DEFAULT 'medium' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "engagement_scores_level_range" CHECK ("engagement_scores"."level" IS NULL OR ("engagement_scores"."level" >= 0 AND "engagement_scores"."level" <= 4))
);
--> statement-breakpoint
ALTER TABLE "criteria_sets" ADD CONSTRAINT "criteria_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_assessments" ADD CONSTRAINT "engagement_assessments_request_id_engagement_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."engagement_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_assessments" ADD CONSTRAINT "engagement_assessments_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_assessments" ADD CONSTRAINT "engagement_assessments_criteria_set_id_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_assessments" ADD CONSTRAINT "engagement_assessments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD CONSTRAINT "engagement_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD CONSTRAINT "engagement_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD CONSTRAINT "engagement_requests_criteria_set_id_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD CONSTRAINT "engagement_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_scores" ADD CONSTRAINT "engagement_scores_assessment_id_engagement_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."engagement_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "engagement_assessments_request_assessor_idx" ON "engagement_assessments" USING btree ("request_id","assessor_id");--> statement-breakpoint
CREATE INDEX "engagement_assessments_assessor_idx" ON "engagement_assessments" USING btree ("assessor_id");--> statement-breakpoint
CREATE INDEX "engagement_requests_org_idx" ON "engagement_requests" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "engagement_requests_updated_idx" ON "engagement_requests" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "engagement_requests_status_idx" ON "engagement_requests" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "engagement_requests_country_idx" ON "engagement_requests" USING btree ("country");--> statement-breakpoint
CREATE INDEX "engagement_requests_band_idx" ON "engagement_requests" USING btree ("band");--> statement-breakpoint
CREATE INDEX "engagement_requests_kinds_idx" ON "engagement_requests" USING gin ("kinds");--> statement-breakpoint
CREATE UNIQUE INDEX "engagement_scores_assessment_criterion_idx" ON "engagement_scores" USING btree ("assessment_id","criterion");
CREATE TABLE "impact_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_actuals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"value" double precision NOT NULL,
	"observed_on" date NOT NULL,
	"evidence_links" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reported_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"impact_area" text NOT NULL,
	"measure" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"baseline" double precision NOT NULL,
	"target" double precision NOT NULL,
	"target_date" date NOT NULL,
	"evidence_expected" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actual_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reviewed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcome_reviews_note_check" CHECK ("outcome_reviews"."status" NOT IN ('off_track', 'not_achieved') OR length("outcome_reviews"."note") > 0)
);
--> statement-breakpoint
ALTER TABLE "impact_areas" ADD CONSTRAINT "impact_areas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_actuals" ADD CONSTRAINT "outcome_actuals_indicator_id_outcome_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."outcome_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_actuals" ADD CONSTRAINT "outcome_actuals_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_indicators" ADD CONSTRAINT "outcome_indicators_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_indicators" ADD CONSTRAINT "outcome_indicators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reviews" ADD CONSTRAINT "outcome_reviews_actual_id_outcome_actuals_id_fk" FOREIGN KEY ("actual_id") REFERENCES "public"."outcome_actuals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reviews" ADD CONSTRAINT "outcome_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outcome_actuals_indicator_idx" ON "outcome_actuals" USING btree ("indicator_id","created_at");--> statement-breakpoint
CREATE INDEX "outcome_indicators_subject_idx" ON "outcome_indicators" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "outcome_indicators_org_idx" ON "outcome_indicators" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "outcome_reviews_actual_idx" ON "outcome_reviews" USING btree ("actual_id","created_at");
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
CREATE TABLE "insight_snapshots" (
	"key" text PRIMARY KEY NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"took_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_country_evidence" (
	"assessment_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_country_evidence_assessment_id_import_id_pk" PRIMARY KEY("assessment_id","import_id")
);
--> statement-breakpoint
CREATE TABLE "country_dataset_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"source_date" date NOT NULL,
	"licence" text NOT NULL,
	"file_name" text NOT NULL,
	"row_count" integer NOT NULL,
	"imported_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "country_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"country" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"frequency" text NOT NULL,
	"last_retrieved" date NOT NULL,
	"coverage_from" date,
	"coverage_to" date,
	CONSTRAINT "country_publications_coverage_order" CHECK ("country_publications"."coverage_from" IS NULL OR "country_publications"."coverage_to" IS NULL OR "country_publications"."coverage_from" <= "country_publications"."coverage_to")
);
--> statement-breakpoint
CREATE TABLE "country_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"country" text NOT NULL,
	"rating" double precision NOT NULL,
	"band" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insight_application_steps" ADD CONSTRAINT "insight_application_steps_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_country_evidence" ADD CONSTRAINT "assessment_country_evidence_assessment_id_engagement_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."engagement_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_country_evidence" ADD CONSTRAINT "assessment_country_evidence_import_id_country_dataset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."country_dataset_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country_dataset_imports" ADD CONSTRAINT "country_dataset_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country_publications" ADD CONSTRAINT "country_publications_import_id_country_dataset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."country_dataset_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country_ratings" ADD CONSTRAINT "country_ratings_import_id_country_dataset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."country_dataset_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insight_application_steps_call_idx" ON "insight_application_steps" USING btree ("call_id","organisation_id");--> statement-breakpoint
CREATE INDEX "insight_snapshots_computed_idx" ON "insight_snapshots" USING btree ("computed_at");--> statement-breakpoint
CREATE INDEX "country_dataset_imports_kind_idx" ON "country_dataset_imports" USING btree ("kind","source_date","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "country_publications_import_country_title_idx" ON "country_publications" USING btree ("import_id","country","title");--> statement-breakpoint
CREATE INDEX "country_publications_country_idx" ON "country_publications" USING btree ("country");--> statement-breakpoint
CREATE UNIQUE INDEX "country_ratings_import_country_idx" ON "country_ratings" USING btree ("import_id","country");--> statement-breakpoint
CREATE INDEX "country_ratings_country_idx" ON "country_ratings" USING btree ("country");
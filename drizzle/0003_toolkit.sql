CREATE TABLE "faqs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topic" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"question_en" text NOT NULL,
	"question_es" text NOT NULL,
	"question_fr" text NOT NULL,
	"answer_en" text NOT NULL,
	"answer_es" text NOT NULL,
	"answer_fr" text NOT NULL,
	"resource_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(question_en, '')), 'A') || setweight(to_tsvector('spanish', coalesce(question_es, '')), 'A') || setweight(to_tsvector('french', coalesce(question_fr, '')), 'A') || setweight(to_tsvector('english', coalesce(answer_en, '')), 'B') || setweight(to_tsvector('spanish', coalesce(answer_es, '')), 'B') || setweight(to_tsvector('french', coalesce(answer_fr, '')), 'B')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"url" text,
	"filename" text,
	"content_type" text,
	"size_bytes" bigint,
	"storage_key" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(CASE language WHEN 'es' THEN to_tsvector('spanish', coalesce(title, '') || ' ' || coalesce(summary, '')) WHEN 'fr' THEN to_tsvector('french', coalesce(title, '') || ' ' || coalesce(summary, '')) ELSE to_tsvector('english', coalesce(title, '') || ' ' || coalesce(summary, '')) END, 'B') || setweight(CASE language WHEN 'es' THEN to_tsvector('spanish', coalesce(body, '')) WHEN 'fr' THEN to_tsvector('french', coalesce(body, '')) ELSE to_tsvector('english', coalesce(body, '')) END, 'C')) STORED NOT NULL,
	CONSTRAINT "resources_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"start_date" date,
	"due_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"budget" integer DEFAULT 0 NOT NULL,
	"milestone" boolean DEFAULT false NOT NULL,
	"deliverable" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_activities_budget_check" CHECK ("strategy_activities"."budget" >= 0),
	CONSTRAINT "strategy_activities_dates_check" CHECK ("strategy_activities"."start_date" IS NULL OR "strategy_activities"."due_date" IS NULL OR "strategy_activities"."due_date" >= "strategy_activities"."start_date")
);
--> statement-breakpoint
CREATE TABLE "strategy_collaborators" (
	"strategy_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_collaborators_strategy_id_user_id_pk" PRIMARY KEY("strategy_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"core_message" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"messenger" text DEFAULT '' NOT NULL,
	"ask" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_monitoring" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"entry_date" date,
	"target" text DEFAULT '' NOT NULL,
	"progress" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_stakeholders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"power" integer DEFAULT 3 NOT NULL,
	"interest" integer DEFAULT 3 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"target" boolean DEFAULT false NOT NULL,
	"ally" boolean DEFAULT false NOT NULL,
	"ties" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_stakeholders_position_check" CHECK ("strategy_stakeholders"."position" BETWEEN -2 AND 2),
	CONSTRAINT "strategy_stakeholders_power_check" CHECK ("strategy_stakeholders"."power" BETWEEN 1 AND 5),
	CONSTRAINT "strategy_stakeholders_interest_check" CHECK ("strategy_stakeholders"."interest" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE TABLE "strategy_steps" (
	"strategy_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_steps_strategy_id_step_pk" PRIMARY KEY("strategy_id","step"),
	CONSTRAINT "strategy_steps_step_check" CHECK ("strategy_steps"."step" BETWEEN 1 AND 4)
);
--> statement-breakpoint
CREATE TABLE "strategy_tactics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"change" text NOT NULL,
	"description" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_activities" ADD CONSTRAINT "strategy_activities_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_collaborators" ADD CONSTRAINT "strategy_collaborators_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_collaborators" ADD CONSTRAINT "strategy_collaborators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_messages" ADD CONSTRAINT "strategy_messages_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_monitoring" ADD CONSTRAINT "strategy_monitoring_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_monitoring" ADD CONSTRAINT "strategy_monitoring_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_stakeholders" ADD CONSTRAINT "strategy_stakeholders_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_steps" ADD CONSTRAINT "strategy_steps_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_steps" ADD CONSTRAINT "strategy_steps_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_tactics" ADD CONSTRAINT "strategy_tactics_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "faqs_search_idx" ON "faqs" USING gin ("search");--> statement-breakpoint
CREATE INDEX "faqs_topic_idx" ON "faqs" USING btree ("topic","position");--> statement-breakpoint
CREATE INDEX "resources_search_idx" ON "resources" USING gin ("search");--> statement-breakpoint
CREATE INDEX "resources_type_idx" ON "resources" USING btree ("type");--> statement-breakpoint
CREATE INDEX "resources_language_idx" ON "resources" USING btree ("language");--> statement-breakpoint
CREATE INDEX "resources_topics_idx" ON "resources" USING gin ("topics");--> statement-breakpoint
CREATE INDEX "resources_created_idx" ON "resources" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "strategies_org_idx" ON "strategies" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "strategy_activities_strategy_idx" ON "strategy_activities" USING btree ("strategy_id","due_date");--> statement-breakpoint
CREATE INDEX "strategy_collaborators_user_idx" ON "strategy_collaborators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "strategy_messages_strategy_idx" ON "strategy_messages" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "strategy_monitoring_strategy_idx" ON "strategy_monitoring" USING btree ("strategy_id","kind");--> statement-breakpoint
CREATE INDEX "strategy_stakeholders_strategy_idx" ON "strategy_stakeholders" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "strategy_tactics_strategy_idx" ON "strategy_tactics" USING btree ("strategy_id");
CREATE TABLE "engagement_safety_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"risks" text NOT NULL,
	"mitigations" text NOT NULL,
	"responsible" text NOT NULL,
	"safe_contact" text NOT NULL,
	"review_on" date NOT NULL,
	"author_id" text,
	"updated_by" text,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_safety_plans_request_id_unique" UNIQUE("request_id"),
	CONSTRAINT "engagement_safety_plans_approval_has_time" CHECK ("engagement_safety_plans"."approved_at" IS NOT NULL OR "engagement_safety_plans"."approved_by" IS NULL)
);
--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD COLUMN "gate_override_reason" text;--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD COLUMN "gate_overridden_by" text;--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD COLUMN "gate_overridden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "engagement_safety_plans" ADD CONSTRAINT "engagement_safety_plans_request_id_engagement_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."engagement_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_safety_plans" ADD CONSTRAINT "engagement_safety_plans_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_safety_plans" ADD CONSTRAINT "engagement_safety_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_safety_plans" ADD CONSTRAINT "engagement_safety_plans_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD CONSTRAINT "engagement_requests_gate_overridden_by_users_id_fk" FOREIGN KEY ("gate_overridden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_requests" ADD CONSTRAINT "engagement_requests_override_has_reason" CHECK ("engagement_requests"."gate_overridden_at" IS NULL OR length(coalesce("engagement_requests"."gate_override_reason", '')) > 0);
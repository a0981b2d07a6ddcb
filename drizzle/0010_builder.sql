ALTER TABLE "grant_calls" ADD COLUMN "status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "grant_calls" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "grant_calls" ADD CONSTRAINT "grant_calls_status" CHECK ("grant_calls"."status" IN ('draft', 'open', 'closed', 'archived'));
CREATE TABLE "grant_call_message_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"user_id" text,
	"organisation_id" uuid NOT NULL,
	"queued_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "grant_call_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"subject" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"filter" jsonb NOT NULL,
	"recipients" integer NOT NULL,
	"queued" integer DEFAULT 0 NOT NULL,
	"last_batch_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grant_call_message_recipients" ADD CONSTRAINT "grant_call_message_recipients_message_id_grant_call_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."grant_call_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_call_message_recipients" ADD CONSTRAINT "grant_call_message_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_call_message_recipients" ADD CONSTRAINT "grant_call_message_recipients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_call_messages" ADD CONSTRAINT "grant_call_messages_call_id_grant_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."grant_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_call_messages" ADD CONSTRAINT "grant_call_messages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grant_call_message_recipients_unique_idx" ON "grant_call_message_recipients" USING btree ("message_id","user_id");--> statement-breakpoint
CREATE INDEX "grant_call_message_recipients_waiting_idx" ON "grant_call_message_recipients" USING btree ("message_id","queued_at");--> statement-breakpoint
CREATE INDEX "grant_call_messages_call_idx" ON "grant_call_messages" USING btree ("call_id","created_at");
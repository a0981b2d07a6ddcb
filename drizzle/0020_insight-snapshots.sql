CREATE TABLE "insight_snapshots" (
	"key" text PRIMARY KEY NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"took_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "insight_snapshots_computed_idx" ON "insight_snapshots" USING btree ("computed_at");
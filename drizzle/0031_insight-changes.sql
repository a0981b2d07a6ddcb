CREATE TABLE "insight_changes" (
	"xid" "xid8" PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "insight_snapshots" ADD COLUMN "seen" "pg_snapshot";
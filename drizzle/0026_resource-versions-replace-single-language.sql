ALTER TABLE "resources" DROP CONSTRAINT "resources_storage_key_unique";--> statement-breakpoint
DROP INDEX "resources_language_idx";--> statement-breakpoint
ALTER TABLE "resources" drop column "search";--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(title_en, '') || ' ' || coalesce(title_es, '') || ' ' || coalesce(title_fr, '')), 'A') || setweight(to_tsvector('english', coalesce(title_en, '') || ' ' || summary_en), 'B') || setweight(to_tsvector('spanish', coalesce(title_es, '') || ' ' || summary_es), 'B') || setweight(to_tsvector('french', coalesce(title_fr, '') || ' ' || summary_fr), 'B') || setweight(to_tsvector('english', body_en), 'C') || setweight(to_tsvector('spanish', body_es), 'C') || setweight(to_tsvector('french', body_fr), 'C')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "title";--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "summary";--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "body";--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "language";--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "url";--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "filename";--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "content_type";--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "size_bytes";--> statement-breakpoint
ALTER TABLE "resources" DROP COLUMN "storage_key";--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_has_a_version" CHECK (num_nonnulls("resources"."title_en", "resources"."title_es", "resources"."title_fr") > 0);--> statement-breakpoint
-- Dropping the generated column above also dropped its GIN index, which drizzle-kit does not re-create.
CREATE INDEX "resources_search_idx" ON "resources" USING gin ("search");

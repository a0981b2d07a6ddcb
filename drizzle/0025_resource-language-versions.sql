ALTER TABLE "resources" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "title_es" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "title_fr" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "summary_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "summary_es" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "summary_fr" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "body_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "body_es" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "body_fr" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "url_en" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "url_es" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "url_fr" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "filename_en" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "filename_es" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "filename_fr" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "content_type_en" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "content_type_es" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "content_type_fr" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "size_bytes_en" bigint;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "size_bytes_es" bigint;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "size_bytes_fr" bigint;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "storage_key_en" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "storage_key_es" text;--> statement-breakpoint
ALTER TABLE "resources" ADD COLUMN "storage_key_fr" text;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_storage_key_en_unique" UNIQUE("storage_key_en");--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_storage_key_es_unique" UNIQUE("storage_key_es");--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_storage_key_fr_unique" UNIQUE("storage_key_fr");--> statement-breakpoint
-- Data fix (decision 065): every existing item becomes an item with its one language version.
UPDATE "resources" SET "title_es" = "title", "summary_es" = "summary", "body_es" = "body", "url_es" = "url", "filename_es" = "filename", "content_type_es" = "content_type", "size_bytes_es" = "size_bytes", "storage_key_es" = "storage_key" WHERE "language" = 'es';--> statement-breakpoint
UPDATE "resources" SET "title_fr" = "title", "summary_fr" = "summary", "body_fr" = "body", "url_fr" = "url", "filename_fr" = "filename", "content_type_fr" = "content_type", "size_bytes_fr" = "size_bytes", "storage_key_fr" = "storage_key" WHERE "language" = 'fr';--> statement-breakpoint
UPDATE "resources" SET "title_en" = "title", "summary_en" = "summary", "body_en" = "body", "url_en" = "url", "filename_en" = "filename", "content_type_en" = "content_type", "size_bytes_en" = "size_bytes", "storage_key_en" = "storage_key" WHERE "language" NOT IN ('es', 'fr');

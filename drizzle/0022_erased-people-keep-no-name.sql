-- Erasure keeps no name: accounts and guest registrations erased before this change held an
-- English marker in place of the name; they now hold an empty name, as new erasures write.
UPDATE "users" SET "name" = '' WHERE "erased_at" IS NOT NULL AND "name" = 'Former user';--> statement-breakpoint
UPDATE "event_registrations" SET "name" = '' WHERE "user_id" IS NULL AND "name" = 'Former user' AND "email" LIKE 'erased-%@erased.invalid';

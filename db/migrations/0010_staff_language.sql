ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "staff_locale" text DEFAULT 'pl' NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "time_zone" text DEFAULT 'Europe/Warsaw' NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "sms_transliterate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "message_templates" ADD COLUMN "sms_transliterate" boolean;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_locale" CHECK ("users"."locale" is null or "users"."locale" in ('pl', 'en'));--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_staff_locale" CHECK ("settings"."staff_locale" in ('pl', 'en'));
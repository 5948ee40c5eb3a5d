ALTER TABLE "settings" ADD COLUMN "sender_email" text;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "logo_data_url" text;
ALTER TABLE "settings" ADD COLUMN "sms_price_domestic" integer DEFAULT 16 NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "sms_price_foreign" integer DEFAULT 35 NOT NULL;
ALTER TYPE "public"."outbox_state" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TYPE "public"."outbox_state" ADD VALUE 'skipped';--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "message_hold_seconds" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "duplicate_window_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_order_idx" ON "outbox" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_event_idx" ON "outbox" USING btree ("event_id");--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_message_hold" CHECK ("settings"."message_hold_seconds" between 0 and 600);--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_duplicate_window" CHECK ("settings"."duplicate_window_hours" between 0 and 720);
CREATE TYPE "public"."order_type_kind" AS ENUM('sale', 'return', 'complaint');--> statement-breakpoint
ALTER TYPE "public"."order_event_type" ADD VALUE 'refund_recorded';--> statement-breakpoint
ALTER TABLE "order_types" ADD COLUMN "kind" "order_type_kind" DEFAULT 'sale' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "parent_order_id" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "return_request" jsonb;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "return_window_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_parent_order_id_orders_id_fk" FOREIGN KEY ("parent_order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_parent_idx" ON "orders" USING btree ("parent_order_id") WHERE "orders"."parent_order_id" is not null;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_return_window" CHECK ("settings"."return_window_days" between 0 and 365);
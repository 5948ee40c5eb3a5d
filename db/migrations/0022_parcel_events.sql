CREATE TYPE "public"."parcel_event_kind" AS ENUM('created', 'in_transit', 'out_for_delivery', 'ready_for_pickup', 'delivered', 'returned_to_sender');--> statement-breakpoint
ALTER TYPE "public"."order_event_type" ADD VALUE 'parcel_event';--> statement-breakpoint
ALTER TYPE "public"."webhook_event_type" ADD VALUE 'order.parcel_event';--> statement-breakpoint
ALTER TYPE "public"."automation_trigger" ADD VALUE 'parcel_event';--> statement-breakpoint
CREATE TABLE "carrier_receivers" (
	"carrier" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_received_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "parcel_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "parcel_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"order_id" integer NOT NULL,
	"event_id" bigint NOT NULL,
	"carrier" text NOT NULL,
	"tracking_number" text NOT NULL,
	"carrier_status" text NOT NULL,
	"event" "parcel_event_kind" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "parcel_events" ADD CONSTRAINT "parcel_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parcel_events" ADD CONSTRAINT "parcel_events_event_id_order_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."order_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "parcel_events_report_idx" ON "parcel_events" USING btree ("order_id","carrier","tracking_number","carrier_status","occurred_at");--> statement-breakpoint
CREATE INDEX "parcel_events_event_idx" ON "parcel_events" USING btree ("event_id");
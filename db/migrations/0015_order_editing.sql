ALTER TYPE "public"."order_event_type" ADD VALUE 'order_edited';--> statement-breakpoint
ALTER TYPE "public"."webhook_event_type" ADD VALUE 'order.updated';--> statement-breakpoint
ALTER TABLE "statuses" ADD COLUMN "allows_editing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Existing shops: orders may be edited while they are new (received, awaiting payment), as the presets ship it (ADR 0143).
UPDATE "statuses" SET "allows_editing" = true WHERE "group_id" IN (SELECT "id" FROM "status_groups" WHERE "kind" = 'new');

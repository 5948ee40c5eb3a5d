-- The staff search (ADR 0148). pg_trgm's trigram index answers LIKE and ILIKE on a part of a
-- value; it is a trusted extension, which the database's owner may create. PGlite loads it in
-- db/index.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- The items' SKUs, one a line. jsonb_path_query in lax mode passes over an item without a SKU
-- rather than failing the order's write.
CREATE FUNCTION order_item_skus(items jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN (SELECT string_agg(sku #>> '{}', E'\n') FROM jsonb_path_query(items, '$[*].sku') AS sku);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "item_skus" text GENERATED ALWAYS AS (order_item_skus(items)) STORED;--> statement-breakpoint
CREATE INDEX "orders_search_idx" ON "orders" USING gin ("number" gin_trgm_ops,"customer_name" gin_trgm_ops,"customer_email" gin_trgm_ops,regexp_replace("customer_phone", '[^0-9]', '', 'g') gin_trgm_ops,"tracking_number" gin_trgm_ops,"item_skus" gin_trgm_ops);
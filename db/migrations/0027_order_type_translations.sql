ALTER TABLE "order_types" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- An order type's name in other languages, as statuses and status groups have (ADR 0170). The
-- after-sales types were always named in English, and the demo's sale types too, so a Polish order
-- list read "Retail" under every number and an order page listed its "Return". Types still carrying
-- those default names get their Polish ones; a type an admin named or renamed is left alone.
UPDATE "order_types" AS t
SET "translations" = jsonb_build_object('pl', jsonb_build_object('name', d.pl))
FROM (VALUES
  ('retail', 'Retail', 'Detaliczne'),
  ('wholesale', 'Wholesale', 'Hurtowe'),
  ('return', 'Return', 'Zwrot'),
  ('complaint', 'Complaint', 'Reklamacja')
) AS d(code, en, pl)
WHERE t."code" = d.code AND t."name" = d.en AND t."translations" = '{}'::jsonb;

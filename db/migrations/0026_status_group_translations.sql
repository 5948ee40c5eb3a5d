ALTER TABLE "status_groups" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- A status group's name in other languages, as statuses have had since the start: the default
-- groups were always written in English, so a shop's board in Polish read "New" above "Otrzymane".
-- The four default groups still carrying their English names get Sellasist's Polish ones; a group
-- an admin has renamed keeps its name and gets no translation.
UPDATE "status_groups" AS g
SET "translations" = jsonb_build_object('pl', jsonb_build_object('name', d.pl))
FROM (VALUES
  ('new', 'New', 'Nowe'),
  ('in_progress', 'In progress', 'W realizacji'),
  ('completed', 'Completed', 'Zrealizowane'),
  ('not_completed', 'Not completed', 'Niezrealizowane')
) AS d(key, en, pl)
WHERE g."key" = d.key AND g."name" = d.en AND g."translations" = '{}'::jsonb;

CREATE TABLE "catalogue_revision" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "catalogue_revision_single_row" CHECK ("catalogue_revision"."id")
);
--> statement-breakpoint
CREATE SEQUENCE "catalogue_revision_seq";
--> statement-breakpoint
INSERT INTO "catalogue_revision" ("id", "revision") VALUES (true, nextval('catalogue_revision_seq'));
--> statement-breakpoint
CREATE FUNCTION "bump_catalogue_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A number from a sequence, not revision + 1: a rolled-back change's number is never reused,
  -- so a process that read the catalogue inside that change cannot mistake it for a later one.
  UPDATE "catalogue_revision" SET "revision" = nextval('catalogue_revision_seq');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "statuses_catalogue_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "statuses" FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_revision"();
--> statement-breakpoint
CREATE TRIGGER "status_groups_catalogue_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "status_groups" FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_revision"();
--> statement-breakpoint
CREATE TRIGGER "order_types_catalogue_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "order_types" FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_revision"();
--> statement-breakpoint
CREATE TRIGGER "settings_catalogue_revision" AFTER INSERT OR UPDATE OF "app_url" OR DELETE OR TRUNCATE ON "settings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_revision"();

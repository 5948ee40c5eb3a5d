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
CREATE TRIGGER "statuses_catalogue_revision" AFTER INSERT OR UPDATE OR DELETE ON "statuses" FOR EACH ROW EXECUTE FUNCTION "bump_catalogue_revision"();
--> statement-breakpoint
CREATE TRIGGER "status_groups_catalogue_revision" AFTER INSERT OR UPDATE OR DELETE ON "status_groups" FOR EACH ROW EXECUTE FUNCTION "bump_catalogue_revision"();
--> statement-breakpoint
CREATE TRIGGER "order_types_catalogue_revision" AFTER INSERT OR UPDATE OR DELETE ON "order_types" FOR EACH ROW EXECUTE FUNCTION "bump_catalogue_revision"();
--> statement-breakpoint
CREATE TRIGGER "settings_catalogue_revision" AFTER INSERT OR DELETE ON "settings" FOR EACH ROW EXECUTE FUNCTION "bump_catalogue_revision"();
--> statement-breakpoint
CREATE TRIGGER "settings_app_url_catalogue_revision" AFTER UPDATE ON "settings" FOR EACH ROW WHEN (OLD."app_url" IS DISTINCT FROM NEW."app_url") EXECUTE FUNCTION "bump_catalogue_revision"();
--> statement-breakpoint
CREATE TRIGGER "statuses_truncate_revision" AFTER TRUNCATE ON "statuses" FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_revision"();
--> statement-breakpoint
CREATE TRIGGER "status_groups_truncate_revision" AFTER TRUNCATE ON "status_groups" FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_revision"();
--> statement-breakpoint
CREATE TRIGGER "order_types_truncate_revision" AFTER TRUNCATE ON "order_types" FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_revision"();
--> statement-breakpoint
CREATE TRIGGER "settings_truncate_revision" AFTER TRUNCATE ON "settings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_catalogue_revision"();

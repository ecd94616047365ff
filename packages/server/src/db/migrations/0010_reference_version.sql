-- One number that moves whenever the reference data an intake reads changes, in the same
-- transaction as the change; servers keep that data in memory and compare the number inside
-- every intake transaction, so an edit through any process applies to the next request.
CREATE TABLE "reference_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "reference_version_one_row" CHECK ("id")
);
--> statement-breakpoint
INSERT INTO "reference_version" ("id", "version") VALUES (true, 0);
--> statement-breakpoint
CREATE FUNCTION bump_reference_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reference_version SET version = version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['categories','request_types','districts','neighbourhoods','routing_rules','units','holidays','settings'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version()', t || '_bump_reference_version', t);
  END LOOP;
END $$;

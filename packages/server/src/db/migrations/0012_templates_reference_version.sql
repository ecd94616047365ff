-- The intake queue keeps the edited message templates in memory with the rest of the
-- reference data (app/requests/intake-reference.ts): editing one moves reference_version too.
CREATE TRIGGER message_templates_bump_reference_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON message_templates FOR EACH STATEMENT EXECUTE FUNCTION bump_reference_version();

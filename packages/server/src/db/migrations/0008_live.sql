-- Live updates for wallboards and agent consoles: every committed change to contacts is
-- announced on the channel cozum_live (NOTIFY is delivered at commit, to every process).
-- Statement-level, so a bulk import of a million calls sends one notification, not a million.
CREATE FUNCTION live_notify_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cozum_live', '{"topic":"contacts"}');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_live AFTER INSERT OR UPDATE OR DELETE ON contacts FOR EACH STATEMENT EXECUTE FUNCTION live_notify_contacts();
--> statement-breakpoint
-- The agent's console: a call of theirs was answered, ended or closed. Importers do not set
-- agent_id, so they never fire this; identical notifications in one transaction fold into one.
CREATE FUNCTION live_notify_agent_call() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cozum_live', json_build_object('topic', 'agent-call', 'agent', NEW.agent_id)::text);
  IF TG_OP = 'UPDATE' AND OLD.agent_id IS NOT NULL AND OLD.agent_id IS DISTINCT FROM NEW.agent_id THEN
    PERFORM pg_notify('cozum_live', json_build_object('topic', 'agent-call', 'agent', OLD.agent_id)::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_live_agent_insert AFTER INSERT ON contacts FOR EACH ROW
  WHEN (NEW.agent_id IS NOT NULL AND NEW.outcome IS NULL AND NEW.ended_at IS NULL)
  EXECUTE FUNCTION live_notify_agent_call();
--> statement-breakpoint
CREATE TRIGGER contacts_live_agent_update AFTER UPDATE ON contacts FOR EACH ROW
  WHEN ((NEW.agent_id IS NOT NULL OR OLD.agent_id IS NOT NULL) AND (
    OLD.agent_id IS DISTINCT FROM NEW.agent_id OR OLD.answered_at IS DISTINCT FROM NEW.answered_at
    OR OLD.ended_at IS DISTINCT FROM NEW.ended_at OR OLD.outcome IS DISTINCT FROM NEW.outcome))
  EXECUTE FUNCTION live_notify_agent_call();

CREATE TABLE "agent_states" (
	"agent" text PRIMARY KEY NOT NULL,
	"user_id" integer REFERENCES "users"("id"),
	"state" text NOT NULL,
	"reason" text,
	"since" timestamp with time zone NOT NULL,
	"queues" text[] DEFAULT '{}'::text[] NOT NULL,
	"call_id" text,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_states_state_ck" CHECK ("state" in ('logged_out','available','on_call','wrap_up','paused')),
	CONSTRAINT "agent_states_source_ck" CHECK ("source" in ('queue_log','cti','console'))
);
--> statement-breakpoint
CREATE INDEX "agent_states_user_idx" ON "agent_states" ("user_id");
--> statement-breakpoint
CREATE TABLE "agent_state_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agent" text NOT NULL,
	"user_id" integer REFERENCES "users"("id"),
	"state" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"queue" text,
	"at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_state_events_state_ck" CHECK ("state" in ('logged_out','available','on_call','wrap_up','paused')),
	CONSTRAINT "agent_state_events_source_ck" CHECK ("source" in ('queue_log','cti','console'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "agent_state_events_once_uq" ON "agent_state_events" ("agent", "at", "kind", "source", coalesce("reason", ''), coalesce("queue", ''));
--> statement-breakpoint
CREATE INDEX "agent_state_events_at_idx" ON "agent_state_events" ("at");
--> statement-breakpoint
CREATE TRIGGER agent_state_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON agent_state_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TABLE "contact_rollup" (
	"bucket" timestamp with time zone NOT NULL,
	"queue" text NOT NULL,
	"agent" text NOT NULL,
	"offered" integer NOT NULL,
	"answered" integer NOT NULL,
	"abandoned" integer NOT NULL,
	"short_abandoned" integer NOT NULL,
	"within_threshold" integer NOT NULL,
	"total_wait" bigint NOT NULL,
	"handle" bigint NOT NULL,
	"handled" integer NOT NULL,
	"longest_wait" integer,
	CONSTRAINT "contact_rollup_pk" PRIMARY KEY ("bucket", "queue", "agent")
);
--> statement-breakpoint
-- The service-level threshold T and short-abandon limit S the rollup counts with (settings key
-- 'contact_centre.kpi'; DESIGN.md section 8 defaults 20 s and 5 s).
CREATE FUNCTION contact_kpi_limits(OUT threshold_seconds integer, OUT short_abandon_seconds integer) LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT ("value"->>'thresholdSeconds')::integer FROM settings WHERE "key" = 'contact_centre.kpi'), 20),
         coalesce((SELECT ("value"->>'shortAbandonSeconds')::integer FROM settings WHERE "key" = 'contact_centre.kpi'), 5)
$$;
--> statement-breakpoint
-- The rollup rows of the contacts offered in [lo, hi): the same sums as the KPI query of
-- app/contacts/kpis.ts over the raw contacts.
CREATE FUNCTION contact_rollup_of(lo timestamptz, hi timestamptz) RETURNS SETOF contact_rollup LANGUAGE sql STABLE AS $$
  SELECT date_bin('15 minutes', c.offered_at, timestamptz '2000-01-01 00:00+00'), coalesce(c.queue, ''), coalesce(c.agent_name, ''),
         count(*)::int, count(c.answered_at)::int,
         count(*) FILTER (WHERE c.exit_reason = 'abandoned')::int,
         count(*) FILTER (WHERE c.exit_reason = 'abandoned' AND coalesce(c.wait_seconds, 0) < l.short_abandon_seconds)::int,
         count(*) FILTER (WHERE c.answered_at IS NOT NULL AND coalesce(c.wait_seconds, 0) <= l.threshold_seconds)::int,
         coalesce(sum(coalesce(c.wait_seconds, 0)) FILTER (WHERE c.answered_at IS NOT NULL), 0)::bigint,
         coalesce(sum(c.talk_seconds + c.hold_seconds + c.wrap_seconds) FILTER (WHERE c.answered_at IS NOT NULL AND c.talk_seconds IS NOT NULL), 0)::bigint,
         count(*) FILTER (WHERE c.answered_at IS NOT NULL AND c.talk_seconds IS NOT NULL)::int,
         max(c.wait_seconds)
  FROM contacts c CROSS JOIN contact_kpi_limits() l
  WHERE c.offered_at >= lo AND c.offered_at < hi AND coalesce(c.exit_reason, '') <> 'not_entered'
  GROUP BY 1, 2, 3
$$;
--> statement-breakpoint
CREATE FUNCTION contact_rollup_rebuild(lo timestamptz, hi timestamptz) RETURNS void LANGUAGE plpgsql AS $$
DECLARE start timestamptz := CASE WHEN isfinite(lo) THEN date_bin('15 minutes', lo, timestamptz '2000-01-01 00:00+00') ELSE lo END;
BEGIN
  DELETE FROM contact_rollup WHERE bucket >= start AND bucket < hi;
  INSERT INTO contact_rollup SELECT * FROM contact_rollup_of(start, hi);
END $$;
--> statement-breakpoint
CREATE FUNCTION contact_rollup_rebuild_buckets(buckets timestamptz[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE b timestamptz;
BEGIN
  DELETE FROM contact_rollup WHERE bucket = ANY (buckets);
  FOREACH b IN ARRAY buckets LOOP
    INSERT INTO contact_rollup SELECT * FROM contact_rollup_of(b, b + interval '15 minutes');
  END LOOP;
END $$;
--> statement-breakpoint
-- New contacts add to their intervals (sums add up; the longest wait is the greater).
CREATE FUNCTION contact_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE t integer; s integer;
BEGIN
  SELECT threshold_seconds, short_abandon_seconds INTO t, s FROM contact_kpi_limits();
  INSERT INTO contact_rollup AS r
  SELECT date_bin('15 minutes', c.offered_at, timestamptz '2000-01-01 00:00+00'), coalesce(c.queue, ''), coalesce(c.agent_name, ''),
         count(*)::int, count(c.answered_at)::int,
         count(*) FILTER (WHERE c.exit_reason = 'abandoned')::int,
         count(*) FILTER (WHERE c.exit_reason = 'abandoned' AND coalesce(c.wait_seconds, 0) < s)::int,
         count(*) FILTER (WHERE c.answered_at IS NOT NULL AND coalesce(c.wait_seconds, 0) <= t)::int,
         coalesce(sum(coalesce(c.wait_seconds, 0)) FILTER (WHERE c.answered_at IS NOT NULL), 0)::bigint,
         coalesce(sum(c.talk_seconds + c.hold_seconds + c.wrap_seconds) FILTER (WHERE c.answered_at IS NOT NULL AND c.talk_seconds IS NOT NULL), 0)::bigint,
         count(*) FILTER (WHERE c.answered_at IS NOT NULL AND c.talk_seconds IS NOT NULL)::int,
         max(c.wait_seconds)
  FROM new_contacts c
  WHERE coalesce(c.exit_reason, '') <> 'not_entered'
  GROUP BY 1, 2, 3
  ON CONFLICT (bucket, queue, agent) DO UPDATE SET
    offered = r.offered + excluded.offered, answered = r.answered + excluded.answered, abandoned = r.abandoned + excluded.abandoned,
    short_abandoned = r.short_abandoned + excluded.short_abandoned, within_threshold = r.within_threshold + excluded.within_threshold,
    total_wait = r.total_wait + excluded.total_wait, handle = r.handle + excluded.handle, handled = r.handled + excluded.handled,
    longest_wait = greatest(r.longest_wait, excluded.longest_wait);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Changed contacts rebuild the intervals they left and entered; changes to other columns
-- (outcome, notes, citizen) touch nothing.
CREATE FUNCTION contact_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM contact_rollup_rebuild_buckets(array(
    SELECT DISTINCT date_bin('15 minutes', x.offered_at, timestamptz '2000-01-01 00:00+00')
    FROM old_contacts o JOIN new_contacts n ON n.id = o.id
    CROSS JOIN LATERAL (VALUES (o.offered_at), (n.offered_at)) x(offered_at)
    WHERE (o.offered_at, o.queue, o.agent_name, o.answered_at, o.wait_seconds, o.talk_seconds, o.hold_seconds, o.wrap_seconds, o.exit_reason)
          IS DISTINCT FROM (n.offered_at, n.queue, n.agent_name, n.answered_at, n.wait_seconds, n.talk_seconds, n.hold_seconds, n.wrap_seconds, n.exit_reason)));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION contact_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM contact_rollup_rebuild_buckets(array(SELECT DISTINCT date_bin('15 minutes', o.offered_at, timestamptz '2000-01-01 00:00+00') FROM old_contacts o));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contacts_rollup_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_contacts FOR EACH STATEMENT EXECUTE FUNCTION contact_rollup_insert();
--> statement-breakpoint
CREATE TRIGGER contacts_rollup_update AFTER UPDATE ON contacts REFERENCING OLD TABLE AS old_contacts NEW TABLE AS new_contacts FOR EACH STATEMENT EXECUTE FUNCTION contact_rollup_update();
--> statement-breakpoint
CREATE TRIGGER contacts_rollup_delete AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_contacts FOR EACH STATEMENT EXECUTE FUNCTION contact_rollup_delete();
--> statement-breakpoint
SELECT contact_rollup_rebuild('-infinity', 'infinity');

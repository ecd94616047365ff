-- Report rollups, kept exact by statement-level triggers with transition tables: every insert,
-- update and delete of contacts, requests and satisfaction ratings adds or subtracts its rows'
-- counts in one aggregated upsert per statement, so a COPY of a million rows costs one
-- GROUP BY and the annual report reads thousands of cells instead of millions of rows.
-- Months and hours are Türkiye's (UTC+3, whole hours, so UTC hours are local hours).
CREATE TABLE "report_call_hours" (
	"hour" timestamp NOT NULL,
	"channel" text NOT NULL,
	"offered" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"instant" integer DEFAULT 0 NOT NULL,
	"routed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_call_hours_pk" PRIMARY KEY ("hour", "channel")
);
--> statement-breakpoint
CREATE TABLE "report_request_months" (
	"month" date NOT NULL,
	"category_id" integer NOT NULL,
	"district_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"channel" text NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"resolved_with_due" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	"rated" integer DEFAULT 0 NOT NULL,
	"score1" integer DEFAULT 0 NOT NULL,
	"score2" integer DEFAULT 0 NOT NULL,
	"score3" integer DEFAULT 0 NOT NULL,
	"score4" integer DEFAULT 0 NOT NULL,
	"score5" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_request_months_pk" PRIMARY KEY ("month", "category_id", "district_id", "unit_id", "channel")
);
--> statement-breakpoint
CREATE TABLE "report_neighbourhood_months" (
	"month" date NOT NULL,
	"neighbourhood_id" integer NOT NULL,
	"channel" text NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_neighbourhood_months_pk" PRIMARY KEY ("month", "neighbourhood_id", "channel")
);
--> statement-breakpoint
CREATE TABLE "report_resolution_months" (
	"month" date NOT NULL,
	"unit_id" integer NOT NULL,
	"bucket" smallint NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_resolution_months_pk" PRIMARY KEY ("month", "unit_id", "bucket")
);
--> statement-breakpoint
-- Requests brought in from another city's 311 export (cozum import nyc311 / boston311): the
-- source's own id, status, area, agency and category, so an import can be repeated without
-- doubling and every mapped request can be traced to the line it came from.
CREATE TABLE "request_imports" (
	"request_id" bigint PRIMARY KEY NOT NULL REFERENCES "requests"("id"),
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"source_status" text,
	"source_area" text,
	"source_agency" text,
	"source_category" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "request_imports_source_key" ON "request_imports" ("source", "external_id");
--> statement-breakpoint
-- Resolution time buckets: ten per factor e of minutes (each about 10 % wide), so medians and
-- 90th percentiles read from them are within 5 % of the exact value.
CREATE FUNCTION report_resolution_bucket(created timestamptz, resolved timestamptz) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$ SELECT floor(ln(greatest(extract(epoch from resolved - created) / 60, 1)) * 10)::smallint $$;
--> statement-breakpoint
CREATE FUNCTION report_month(at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', at AT TIME ZONE 'UTC' + interval '3 hours')::date $$;
--> statement-breakpoint
CREATE FUNCTION report_contacts_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO report_call_hours AS t (hour, channel, offered, answered, instant, routed)
    SELECT date_trunc('hour', offered_at AT TIME ZONE 'UTC'), channel, -count(*), -count(answered_at),
           -count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'information_given'),
           -count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'request_created')
    FROM old_rows WHERE coalesce(exit_reason, '') <> 'not_entered' GROUP BY 1, 2
    ON CONFLICT (hour, channel) DO UPDATE SET offered = t.offered + excluded.offered, answered = t.answered + excluded.answered, instant = t.instant + excluded.instant, routed = t.routed + excluded.routed;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO report_call_hours AS t (hour, channel, offered, answered, instant, routed)
    SELECT date_trunc('hour', offered_at AT TIME ZONE 'UTC'), channel, count(*), count(answered_at),
           count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'information_given'),
           count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'request_created')
    FROM new_rows WHERE coalesce(exit_reason, '') <> 'not_entered' GROUP BY 1, 2
    ON CONFLICT (hour, channel) DO UPDATE SET offered = t.offered + excluded.offered, answered = t.answered + excluded.answered, instant = t.instant + excluded.instant, routed = t.routed + excluded.routed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "contacts_report_insert" AFTER INSERT ON "contacts" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_contacts_rollup();
--> statement-breakpoint
CREATE TRIGGER "contacts_report_update" AFTER UPDATE ON "contacts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_contacts_rollup();
--> statement-breakpoint
CREATE TRIGGER "contacts_report_delete" AFTER DELETE ON "contacts" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_contacts_rollup();
--> statement-breakpoint
CREATE FUNCTION report_requests_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO report_request_months AS t (month, category_id, district_id, unit_id, channel, requests, resolved, resolved_with_due, on_time, rated, score1, score2, score3, score4, score5)
    SELECT report_month(r.created_at), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, -count(*), -count(r.resolved_at),
           -count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.due_at IS NOT NULL), -count(*) FILTER (WHERE r.resolved_at <= r.due_at),
           -count(s.score), -count(*) FILTER (WHERE s.score = 1), -count(*) FILTER (WHERE s.score = 2), -count(*) FILTER (WHERE s.score = 3),
           -count(*) FILTER (WHERE s.score = 4), -count(*) FILTER (WHERE s.score = 5)
    FROM old_rows r LEFT JOIN satisfaction_ratings s ON s.request_id = r.id GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, category_id, district_id, unit_id, channel) DO UPDATE SET requests = t.requests + excluded.requests, resolved = t.resolved + excluded.resolved,
      resolved_with_due = t.resolved_with_due + excluded.resolved_with_due, on_time = t.on_time + excluded.on_time, rated = t.rated + excluded.rated,
      score1 = t.score1 + excluded.score1, score2 = t.score2 + excluded.score2, score3 = t.score3 + excluded.score3, score4 = t.score4 + excluded.score4, score5 = t.score5 + excluded.score5;
    INSERT INTO report_neighbourhood_months AS t (month, neighbourhood_id, channel, requests)
    SELECT report_month(created_at), neighbourhood_id, channel, -count(*) FROM old_rows WHERE neighbourhood_id IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, neighbourhood_id, channel) DO UPDATE SET requests = t.requests + excluded.requests;
    INSERT INTO report_resolution_months AS t (month, unit_id, bucket, requests)
    SELECT report_month(created_at), unit_id, report_resolution_bucket(created_at, resolved_at), -count(*) FROM old_rows WHERE resolved_at IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, unit_id, bucket) DO UPDATE SET requests = t.requests + excluded.requests;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO report_request_months AS t (month, category_id, district_id, unit_id, channel, requests, resolved, resolved_with_due, on_time, rated, score1, score2, score3, score4, score5)
    SELECT report_month(r.created_at), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, count(*), count(r.resolved_at),
           count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.due_at IS NOT NULL), count(*) FILTER (WHERE r.resolved_at <= r.due_at),
           count(s.score), count(*) FILTER (WHERE s.score = 1), count(*) FILTER (WHERE s.score = 2), count(*) FILTER (WHERE s.score = 3),
           count(*) FILTER (WHERE s.score = 4), count(*) FILTER (WHERE s.score = 5)
    FROM new_rows r LEFT JOIN satisfaction_ratings s ON s.request_id = r.id GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, category_id, district_id, unit_id, channel) DO UPDATE SET requests = t.requests + excluded.requests, resolved = t.resolved + excluded.resolved,
      resolved_with_due = t.resolved_with_due + excluded.resolved_with_due, on_time = t.on_time + excluded.on_time, rated = t.rated + excluded.rated,
      score1 = t.score1 + excluded.score1, score2 = t.score2 + excluded.score2, score3 = t.score3 + excluded.score3, score4 = t.score4 + excluded.score4, score5 = t.score5 + excluded.score5;
    INSERT INTO report_neighbourhood_months AS t (month, neighbourhood_id, channel, requests)
    SELECT report_month(created_at), neighbourhood_id, channel, count(*) FROM new_rows WHERE neighbourhood_id IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, neighbourhood_id, channel) DO UPDATE SET requests = t.requests + excluded.requests;
    INSERT INTO report_resolution_months AS t (month, unit_id, bucket, requests)
    SELECT report_month(created_at), unit_id, report_resolution_bucket(created_at, resolved_at), count(*) FROM new_rows WHERE resolved_at IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, unit_id, bucket) DO UPDATE SET requests = t.requests + excluded.requests;
  END IF;
  -- A new request has no rating yet.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_request_months AS t (month, category_id, district_id, unit_id, channel, requests, resolved, resolved_with_due, on_time, rated, score1, score2, score3, score4, score5)
    SELECT report_month(r.created_at), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, count(*), count(r.resolved_at),
           count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.due_at IS NOT NULL), count(*) FILTER (WHERE r.resolved_at <= r.due_at),
           count(s.score), count(*) FILTER (WHERE s.score = 1), count(*) FILTER (WHERE s.score = 2), count(*) FILTER (WHERE s.score = 3),
           count(*) FILTER (WHERE s.score = 4), count(*) FILTER (WHERE s.score = 5)
    FROM new_rows r CROSS JOIN LATERAL (SELECT NULL::smallint AS score) s GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, category_id, district_id, unit_id, channel) DO UPDATE SET requests = t.requests + excluded.requests, resolved = t.resolved + excluded.resolved,
      resolved_with_due = t.resolved_with_due + excluded.resolved_with_due, on_time = t.on_time + excluded.on_time, rated = t.rated + excluded.rated,
      score1 = t.score1 + excluded.score1, score2 = t.score2 + excluded.score2, score3 = t.score3 + excluded.score3, score4 = t.score4 + excluded.score4, score5 = t.score5 + excluded.score5;
    INSERT INTO report_neighbourhood_months AS t (month, neighbourhood_id, channel, requests)
    SELECT report_month(created_at), neighbourhood_id, channel, count(*) FROM new_rows WHERE neighbourhood_id IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, neighbourhood_id, channel) DO UPDATE SET requests = t.requests + excluded.requests;
    INSERT INTO report_resolution_months AS t (month, unit_id, bucket, requests)
    SELECT report_month(created_at), unit_id, report_resolution_bucket(created_at, resolved_at), count(*) FROM new_rows WHERE resolved_at IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, unit_id, bucket) DO UPDATE SET requests = t.requests + excluded.requests;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "requests_report_insert" AFTER INSERT ON "requests" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_requests_rollup();
--> statement-breakpoint
CREATE TRIGGER "requests_report_update" AFTER UPDATE ON "requests" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_requests_rollup();
--> statement-breakpoint
CREATE TRIGGER "requests_report_delete" AFTER DELETE ON "requests" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_requests_rollup();
--> statement-breakpoint
CREATE FUNCTION report_ratings_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO report_request_months AS t (month, category_id, district_id, unit_id, channel, rated, score1, score2, score3, score4, score5)
    SELECT report_month(r.created_at), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, -count(*), -count(*) FILTER (WHERE o.score = 1), -count(*) FILTER (WHERE o.score = 2),
           -count(*) FILTER (WHERE o.score = 3), -count(*) FILTER (WHERE o.score = 4), -count(*) FILTER (WHERE o.score = 5)
    FROM old_rows o JOIN requests r ON r.id = o.request_id GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, category_id, district_id, unit_id, channel) DO UPDATE SET rated = t.rated + excluded.rated,
      score1 = t.score1 + excluded.score1, score2 = t.score2 + excluded.score2, score3 = t.score3 + excluded.score3, score4 = t.score4 + excluded.score4, score5 = t.score5 + excluded.score5;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO report_request_months AS t (month, category_id, district_id, unit_id, channel, rated, score1, score2, score3, score4, score5)
    SELECT report_month(r.created_at), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, count(*), count(*) FILTER (WHERE n.score = 1), count(*) FILTER (WHERE n.score = 2),
           count(*) FILTER (WHERE n.score = 3), count(*) FILTER (WHERE n.score = 4), count(*) FILTER (WHERE n.score = 5)
    FROM new_rows n JOIN requests r ON r.id = n.request_id GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, category_id, district_id, unit_id, channel) DO UPDATE SET rated = t.rated + excluded.rated,
      score1 = t.score1 + excluded.score1, score2 = t.score2 + excluded.score2, score3 = t.score3 + excluded.score3, score4 = t.score4 + excluded.score4, score5 = t.score5 + excluded.score5;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "satisfaction_report_insert" AFTER INSERT ON "satisfaction_ratings" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_ratings_rollup();
--> statement-breakpoint
CREATE TRIGGER "satisfaction_report_update" AFTER UPDATE ON "satisfaction_ratings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_ratings_rollup();
--> statement-breakpoint
CREATE TRIGGER "satisfaction_report_delete" AFTER DELETE ON "satisfaction_ratings" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_ratings_rollup();
--> statement-breakpoint
-- Rows written before these triggers existed.
INSERT INTO report_call_hours (hour, channel, offered, answered, instant, routed)
SELECT date_trunc('hour', offered_at AT TIME ZONE 'UTC'), channel, count(*), count(answered_at),
       count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'information_given'), count(*) FILTER (WHERE answered_at IS NOT NULL AND outcome = 'request_created')
FROM contacts WHERE coalesce(exit_reason, '') <> 'not_entered' GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO report_request_months (month, category_id, district_id, unit_id, channel, requests, resolved, resolved_with_due, on_time, rated, score1, score2, score3, score4, score5)
SELECT report_month(r.created_at), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, count(*), count(r.resolved_at),
       count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.due_at IS NOT NULL), count(*) FILTER (WHERE r.resolved_at <= r.due_at),
       count(s.score), count(*) FILTER (WHERE s.score = 1), count(*) FILTER (WHERE s.score = 2), count(*) FILTER (WHERE s.score = 3), count(*) FILTER (WHERE s.score = 4), count(*) FILTER (WHERE s.score = 5)
FROM requests r LEFT JOIN satisfaction_ratings s ON s.request_id = r.id GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO report_neighbourhood_months (month, neighbourhood_id, channel, requests)
SELECT report_month(created_at), neighbourhood_id, channel, count(*) FROM requests WHERE neighbourhood_id IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO report_resolution_months (month, unit_id, bucket, requests)
SELECT report_month(created_at), unit_id, report_resolution_bucket(created_at, resolved_at), count(*) FROM requests WHERE resolved_at IS NOT NULL GROUP BY 1, 2, 3;

-- The city's time zone (CITY_TIME_ZONE) is configuration: the server writes it into settings
-- ('city.time_zone') at start (db/city-time-zone.ts), and the report rollups keyed by local month
-- read it from there instead of the fixed UTC+3 of 0007. report_call_hours stays keyed by UTC
-- hour: reports turn its hours into local ones as they read them.
CREATE FUNCTION city_time_zone() RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE zone text;
BEGIN
  SELECT value #>> '{}' INTO zone FROM settings WHERE key = 'city.time_zone';
  IF zone IS NULL THEN
    RAISE EXCEPTION 'the city''s time zone is not set: start the server or run cozum migrate, which write CITY_TIME_ZONE into settings';
  END IF;
  RETURN zone;
END $$;
--> statement-breakpoint
CREATE FUNCTION report_month(at timestamptz, zone text) RETURNS date
LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', at AT TIME ZONE zone)::date $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_requests_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE zone text := city_time_zone();
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO report_request_months AS t (month, category_id, district_id, unit_id, channel, requests, resolved, resolved_with_due, on_time, rated, score1, score2, score3, score4, score5)
    SELECT report_month(r.created_at, zone), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, -count(*), -count(r.resolved_at),
           -count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.due_at IS NOT NULL), -count(*) FILTER (WHERE r.resolved_at <= r.due_at),
           -count(s.score), -count(*) FILTER (WHERE s.score = 1), -count(*) FILTER (WHERE s.score = 2), -count(*) FILTER (WHERE s.score = 3),
           -count(*) FILTER (WHERE s.score = 4), -count(*) FILTER (WHERE s.score = 5)
    FROM old_rows r LEFT JOIN satisfaction_ratings s ON s.request_id = r.id GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, category_id, district_id, unit_id, channel) DO UPDATE SET requests = t.requests + excluded.requests, resolved = t.resolved + excluded.resolved,
      resolved_with_due = t.resolved_with_due + excluded.resolved_with_due, on_time = t.on_time + excluded.on_time, rated = t.rated + excluded.rated,
      score1 = t.score1 + excluded.score1, score2 = t.score2 + excluded.score2, score3 = t.score3 + excluded.score3, score4 = t.score4 + excluded.score4, score5 = t.score5 + excluded.score5;
    INSERT INTO report_neighbourhood_months AS t (month, neighbourhood_id, channel, requests)
    SELECT report_month(created_at, zone), neighbourhood_id, channel, -count(*) FROM old_rows WHERE neighbourhood_id IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, neighbourhood_id, channel) DO UPDATE SET requests = t.requests + excluded.requests;
    INSERT INTO report_resolution_months AS t (month, unit_id, bucket, requests)
    SELECT report_month(created_at, zone), unit_id, report_resolution_bucket(created_at, resolved_at), -count(*) FROM old_rows WHERE resolved_at IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, unit_id, bucket) DO UPDATE SET requests = t.requests + excluded.requests;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO report_request_months AS t (month, category_id, district_id, unit_id, channel, requests, resolved, resolved_with_due, on_time, rated, score1, score2, score3, score4, score5)
    SELECT report_month(r.created_at, zone), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, count(*), count(r.resolved_at),
           count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.due_at IS NOT NULL), count(*) FILTER (WHERE r.resolved_at <= r.due_at),
           count(s.score), count(*) FILTER (WHERE s.score = 1), count(*) FILTER (WHERE s.score = 2), count(*) FILTER (WHERE s.score = 3),
           count(*) FILTER (WHERE s.score = 4), count(*) FILTER (WHERE s.score = 5)
    FROM new_rows r LEFT JOIN satisfaction_ratings s ON s.request_id = r.id GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, category_id, district_id, unit_id, channel) DO UPDATE SET requests = t.requests + excluded.requests, resolved = t.resolved + excluded.resolved,
      resolved_with_due = t.resolved_with_due + excluded.resolved_with_due, on_time = t.on_time + excluded.on_time, rated = t.rated + excluded.rated,
      score1 = t.score1 + excluded.score1, score2 = t.score2 + excluded.score2, score3 = t.score3 + excluded.score3, score4 = t.score4 + excluded.score4, score5 = t.score5 + excluded.score5;
    INSERT INTO report_neighbourhood_months AS t (month, neighbourhood_id, channel, requests)
    SELECT report_month(created_at, zone), neighbourhood_id, channel, count(*) FROM new_rows WHERE neighbourhood_id IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, neighbourhood_id, channel) DO UPDATE SET requests = t.requests + excluded.requests;
    INSERT INTO report_resolution_months AS t (month, unit_id, bucket, requests)
    SELECT report_month(created_at, zone), unit_id, report_resolution_bucket(created_at, resolved_at), count(*) FROM new_rows WHERE resolved_at IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, unit_id, bucket) DO UPDATE SET requests = t.requests + excluded.requests;
  END IF;
  -- A new request has no rating yet.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_request_months AS t (month, category_id, district_id, unit_id, channel, requests, resolved, resolved_with_due, on_time, rated, score1, score2, score3, score4, score5)
    SELECT report_month(r.created_at, zone), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, count(*), count(r.resolved_at),
           count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.due_at IS NOT NULL), count(*) FILTER (WHERE r.resolved_at <= r.due_at),
           count(s.score), count(*) FILTER (WHERE s.score = 1), count(*) FILTER (WHERE s.score = 2), count(*) FILTER (WHERE s.score = 3),
           count(*) FILTER (WHERE s.score = 4), count(*) FILTER (WHERE s.score = 5)
    FROM new_rows r CROSS JOIN LATERAL (SELECT NULL::smallint AS score) s GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, category_id, district_id, unit_id, channel) DO UPDATE SET requests = t.requests + excluded.requests, resolved = t.resolved + excluded.resolved,
      resolved_with_due = t.resolved_with_due + excluded.resolved_with_due, on_time = t.on_time + excluded.on_time, rated = t.rated + excluded.rated,
      score1 = t.score1 + excluded.score1, score2 = t.score2 + excluded.score2, score3 = t.score3 + excluded.score3, score4 = t.score4 + excluded.score4, score5 = t.score5 + excluded.score5;
    INSERT INTO report_neighbourhood_months AS t (month, neighbourhood_id, channel, requests)
    SELECT report_month(created_at, zone), neighbourhood_id, channel, count(*) FROM new_rows WHERE neighbourhood_id IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, neighbourhood_id, channel) DO UPDATE SET requests = t.requests + excluded.requests;
    INSERT INTO report_resolution_months AS t (month, unit_id, bucket, requests)
    SELECT report_month(created_at, zone), unit_id, report_resolution_bucket(created_at, resolved_at), count(*) FROM new_rows WHERE resolved_at IS NOT NULL GROUP BY 1, 2, 3
    ON CONFLICT (month, unit_id, bucket) DO UPDATE SET requests = t.requests + excluded.requests;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_ratings_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE zone text := city_time_zone();
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO report_request_months AS t (month, category_id, district_id, unit_id, channel, rated, score1, score2, score3, score4, score5)
    SELECT report_month(r.created_at, zone), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, -count(*), -count(*) FILTER (WHERE o.score = 1), -count(*) FILTER (WHERE o.score = 2),
           -count(*) FILTER (WHERE o.score = 3), -count(*) FILTER (WHERE o.score = 4), -count(*) FILTER (WHERE o.score = 5)
    FROM old_rows o JOIN requests r ON r.id = o.request_id GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, category_id, district_id, unit_id, channel) DO UPDATE SET rated = t.rated + excluded.rated,
      score1 = t.score1 + excluded.score1, score2 = t.score2 + excluded.score2, score3 = t.score3 + excluded.score3, score4 = t.score4 + excluded.score4, score5 = t.score5 + excluded.score5;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO report_request_months AS t (month, category_id, district_id, unit_id, channel, rated, score1, score2, score3, score4, score5)
    SELECT report_month(r.created_at, zone), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, count(*), count(*) FILTER (WHERE n.score = 1), count(*) FILTER (WHERE n.score = 2),
           count(*) FILTER (WHERE n.score = 3), count(*) FILTER (WHERE n.score = 4), count(*) FILTER (WHERE n.score = 5)
    FROM new_rows n JOIN requests r ON r.id = n.request_id GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (month, category_id, district_id, unit_id, channel) DO UPDATE SET rated = t.rated + excluded.rated,
      score1 = t.score1 + excluded.score1, score2 = t.score2 + excluded.score2, score3 = t.score3 + excluded.score3, score4 = t.score4 + excluded.score4, score5 = t.score5 + excluded.score5;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP FUNCTION report_month(timestamptz);
--> statement-breakpoint
-- Re-counts the month rollups in the zone now set (after a change of CITY_TIME_ZONE).
CREATE FUNCTION report_months_rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE zone text := city_time_zone();
BEGIN
DELETE FROM report_request_months;
DELETE FROM report_neighbourhood_months;
DELETE FROM report_resolution_months;
INSERT INTO report_request_months (month, category_id, district_id, unit_id, channel, requests, resolved, resolved_with_due, on_time, rated, score1, score2, score3, score4, score5)
SELECT report_month(r.created_at, zone), r.category_id, coalesce(r.district_id, 0), r.unit_id, r.channel, count(*), count(r.resolved_at),
       count(*) FILTER (WHERE r.resolved_at IS NOT NULL AND r.due_at IS NOT NULL), count(*) FILTER (WHERE r.resolved_at <= r.due_at),
       count(s.score), count(*) FILTER (WHERE s.score = 1), count(*) FILTER (WHERE s.score = 2), count(*) FILTER (WHERE s.score = 3), count(*) FILTER (WHERE s.score = 4), count(*) FILTER (WHERE s.score = 5)
FROM requests r LEFT JOIN satisfaction_ratings s ON s.request_id = r.id GROUP BY 1, 2, 3, 4, 5;
INSERT INTO report_neighbourhood_months (month, neighbourhood_id, channel, requests)
SELECT report_month(created_at, zone), neighbourhood_id, channel, count(*) FROM requests WHERE neighbourhood_id IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO report_resolution_months (month, unit_id, bucket, requests)
SELECT report_month(created_at, zone), unit_id, report_resolution_bucket(created_at, resolved_at), count(*) FROM requests WHERE resolved_at IS NOT NULL GROUP BY 1, 2, 3;
END $$;

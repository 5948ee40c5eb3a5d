CREATE TABLE "analytics_rollup" (
	"figure" text NOT NULL,
	"day" date NOT NULL,
	"order_type_id" integer NOT NULL,
	"channel" text NOT NULL,
	"status_id" integer DEFAULT 0 NOT NULL,
	"detail" integer DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"micros" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_rollup_pk" PRIMARY KEY("figure","day","order_type_id","channel","status_id","detail")
);
--> statement-breakpoint
CREATE TABLE "analytics_rollup_pending" (
	"figure" text NOT NULL,
	"day" date NOT NULL,
	"order_type_id" integer NOT NULL,
	"channel" text NOT NULL,
	"status_id" integer DEFAULT 0 NOT NULL,
	"detail" integer DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"micros" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_status_categories" (
	"status_id" integer NOT NULL,
	"category" text NOT NULL,
	CONSTRAINT "analytics_status_categories_pk" PRIMARY KEY("status_id","category")
);
--> statement-breakpoint
ALTER TABLE "analytics_status_categories" ADD CONSTRAINT "analytics_status_categories_status_id_statuses_id_fk" FOREIGN KEY ("status_id") REFERENCES "public"."statuses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_rollup_pending_idx" ON "analytics_rollup_pending" USING btree ("figure","day");--> statement-breakpoint
-- The analytics rollups (ADR 0157): the page's figures kept per shop day in analytics_rollup, by
-- triggers on orders and on the status entries of order_events, in the writing transaction.
-- A change's counts are inserted into analytics_rollup_pending, never updated in place, so
-- changes made at once never queue on a shared row; analytics_fold() moves them into
-- analytics_rollup (the worker, every few seconds), and the figures read both through the view
-- analytics_rollup_all.
-- Every figure is defined once, in analytics_figures: what orders add to the rollups, from their
-- rows and their status entries. A trigger takes away what an order added before the write and
-- adds what it adds after it; the fill and the rebuild sum it over every order. So a backdated
-- entry, an undo (a status change of its own), a deleted order or an edited date all leave the
-- rollups equal to a scan of the history. The one write every status change makes, an entry
-- newer than the order's others, takes a short way (analytics_entry_appended) to the same result.
--
-- Days are the shop's (Europe/Warsaw, as lib/analytics/filters.ts). Functions whose statements
-- run on every change are PL/pgSQL, which keeps their plans for the session: a SQL function's
-- body is planned again on every call.
CREATE FUNCTION analytics_day(at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (at AT TIME ZONE 'Europe/Warsaw')::date;--> statement-breakpoint
-- A stay's duration bucket: 8 a doubling of (1 + seconds), so a bucket spans 9 % of its durations.
-- lib/analytics/duration-buckets.ts holds the same scale.
CREATE FUNCTION analytics_bucket(micros bigint) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN floor(8 * ln(1 + micros / 1000000.0::float8) / ln(2::float8))::integer;--> statement-breakpoint
-- What a status counts as: its group's kind, and "returned" (a return or complaint: its code or its
-- group's key names one, docs/adr/0061) or "cancelled" (any other status of a not_completed group).
-- lib/analytics/scope.ts holds the same pattern (RETURN_PATTERN).
CREATE FUNCTION analytics_categories(code text, kind text, group_key text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN array_remove(ARRAY[
    kind,
    CASE WHEN code ~* '(^|[_.-])(return|complaint|zwrot|reklamac)' OR group_key ~* '(^|[_.-])(return|complaint|zwrot|reklamac)' THEN 'returned' END,
    CASE WHEN kind = 'not_completed' AND NOT (code ~* '(^|[_.-])(return|complaint|zwrot|reklamac)' OR group_key ~* '(^|[_.-])(return|complaint|zwrot|reklamac)') THEN 'cancelled' END
  ], NULL);--> statement-breakpoint
-- analytics_status_categories afresh: a row per status and what it counts as.
CREATE FUNCTION analytics_refresh_categories() RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_status_categories;
  INSERT INTO analytics_status_categories (status_id, category)
  SELECT s.id, c.category FROM statuses s JOIN status_groups g ON g.id = s.group_id,
    unnest(analytics_categories(s.code, g.kind::text, g.key)) AS c(category);
END
$$;--> statement-breakpoint
SELECT analytics_refresh_categories();--> statement-breakpoint
CREATE FUNCTION analytics_on_status_insert() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_refresh_categories();
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER analytics_on_status_insert AFTER INSERT ON statuses
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_on_status_insert();--> statement-breakpoint
-- One status entry of an order's history (a `created` or `status_changed` row).
CREATE TYPE analytics_entry AS (order_id integer, id bigint, at timestamptz, status_id integer);--> statement-breakpoint
-- What the figures need of an order's row.
CREATE TYPE analytics_order AS (id integer, order_type_id integer, channel text, created_at timestamptz, status_id integer);--> statement-breakpoint
CREATE FUNCTION analytics_order_of(o orders) RETURNS analytics_order
  LANGUAGE sql IMMUTABLE
  RETURN ROW(o.id, o.order_type_id, o.channel, o.created_at, o.status_id)::analytics_order;--> statement-breakpoint
-- One change to a row of analytics_rollup.
CREATE TYPE analytics_delta AS (figure text, day date, order_type_id integer, channel text, status_id integer, detail integer, n integer, micros bigint);--> statement-breakpoint
-- An order's status entries.
CREATE FUNCTION analytics_history(order_id integer) RETURNS analytics_entry[]
  LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN ARRAY(
    SELECT ROW(e.order_id, e.id, e.created_at, e.to_status_id)::analytics_entry FROM order_events e
    WHERE e.order_id = analytics_history.order_id AND e.type IN ('created', 'status_changed'));
END
$$;--> statement-breakpoint
-- What orders add to analytics_rollup, a row each time they count once (callers sum them), given
-- their rows and their status entries (see the table's comment in db/schema/analytics.ts).
CREATE FUNCTION analytics_figures(order_rows analytics_order[], history analytics_entry[]) RETURNS SETOF analytics_delta
  LANGUAGE plpgsql STABLE AS $$
BEGIN
  -- Planned for each call's arrays (EXECUTE): a plan kept from a call with one order joins the
  -- entries to the orders in a nested loop, which a rebuild's 20,000 orders turn into billions
  -- of comparisons.
  RETURN QUERY EXECUTE $query$
  WITH o AS (
    SELECT * FROM unnest($1)
  ),
  entries AS (
    SELECT h.order_id, h.id, h.at, h.status_id, o.order_type_id, o.channel, o.created_at AS order_created
    FROM unnest($2) AS h JOIN o ON o.id = h.order_id
  ),
  kinds AS (
    SELECT s.id, s.sla_hours, ARRAY(SELECT c.category FROM analytics_status_categories c WHERE c.status_id = s.id) AS categories
    FROM statuses s
    WHERE s.id IN (SELECT entries.status_id FROM entries)
  ),
  stays AS (
    SELECT e.*, lead(e.at) OVER (PARTITION BY e.order_id ORDER BY e.at, e.id) AS left_at FROM entries e
  ),
  timed AS (
    SELECT s.order_type_id, s.channel, s.status_id, s.at AS entered, s.left_at, analytics_day(s.at) AS day,
           (extract(epoch FROM s.left_at - s.at) * 1000000)::bigint AS micros,
           extract(epoch FROM s.left_at - s.at) > k.sla_hours * 3600 AS over_sla
    FROM stays s JOIN kinds k ON k.id = s.status_id
  )
  SELECT 'created', analytics_day(o.created_at), o.order_type_id, o.channel, 0, 0, 1, 0::bigint FROM o
  UNION ALL SELECT 'now', date '2000-01-01', o.order_type_id, o.channel, o.status_id, 0, 1, 0 FROM o
  UNION ALL SELECT 'entries', t.day, t.order_type_id, t.channel, t.status_id, 0, 1, 0 FROM timed t
  UNION ALL SELECT 'exits', analytics_day(t.left_at), t.order_type_id, t.channel, t.status_id, 0, 1, 0 FROM timed t WHERE t.left_at IS NOT NULL
  UNION ALL SELECT 'closed', t.day, t.order_type_id, t.channel, t.status_id, analytics_bucket(t.micros), 1, t.micros FROM timed t WHERE t.left_at IS NOT NULL
  UNION ALL SELECT 'over_sla', t.day, t.order_type_id, t.channel, t.status_id, 0, 1, 0 FROM timed t WHERE t.over_sla
  UNION ALL
  SELECT 'open', t.day, t.order_type_id, t.channel, t.status_id, floor(extract(epoch FROM t.entered) / 3600)::integer, 1, 0
  FROM timed t WHERE t.left_at IS NULL
  UNION ALL
  SELECT 'completed', d.day, d.order_type_id, d.channel, 0, 0, 1, 0
  FROM (
    SELECT DISTINCT e.order_id, analytics_day(e.at) AS day, e.order_type_id, e.channel
    FROM entries e JOIN kinds k ON k.id = e.status_id WHERE 'completed' = ANY (k.categories)
  ) d
  UNION ALL
  SELECT 'reached:' || c.category, analytics_day(e.order_created), e.order_type_id, e.channel, 0,
         analytics_day(min(e.at)) - date '2000-01-01', 1, 0
  FROM entries e JOIN kinds k ON k.id = e.status_id, unnest(k.categories) AS c(category)
  GROUP BY e.order_id, e.order_created, e.order_type_id, e.channel, c.category
  $query$ USING order_rows, history;
END
$$;--> statement-breakpoint
-- A change's counts, summed per key, inserted into analytics_rollup_pending (keys whose counts do
-- not change are left out).
CREATE FUNCTION analytics_add(deltas analytics_delta[]) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_rollup_pending (figure, day, order_type_id, channel, status_id, detail, n, micros)
  SELECT d.figure, d.day, d.order_type_id, d.channel, d.status_id, d.detail, sum(d.n)::integer, sum(d.micros)::bigint
  FROM unnest(deltas) d
  GROUP BY d.figure, d.day, d.order_type_id, d.channel, d.status_id, d.detail
  HAVING sum(d.n) <> 0 OR sum(d.micros) <> 0;
END
$$;--> statement-breakpoint
-- Moves the changes' counts that have committed into analytics_rollup, summed per key and in key
-- order (two folds never wait on each other's rows in opposite orders), in one statement: a
-- reader sees them either waiting or folded, never both or neither. A change still open is not
-- seen, and waits for the next fold. Returns how many rows it moved.
CREATE FUNCTION analytics_fold() RETURNS integer
  LANGUAGE plpgsql AS $$
DECLARE
  moved integer;
BEGIN
  WITH taken AS (
    DELETE FROM analytics_rollup_pending RETURNING *
  ), stored AS (
    INSERT INTO analytics_rollup AS r (figure, day, order_type_id, channel, status_id, detail, n, micros)
    SELECT t.figure, t.day, t.order_type_id, t.channel, t.status_id, t.detail, sum(t.n)::integer, sum(t.micros)::bigint
    FROM taken t
    GROUP BY t.figure, t.day, t.order_type_id, t.channel, t.status_id, t.detail
    HAVING sum(t.n) <> 0 OR sum(t.micros) <> 0
    ORDER BY t.figure, t.day, t.order_type_id, t.channel, t.status_id, t.detail
    ON CONFLICT (figure, day, order_type_id, channel, status_id, detail)
    DO UPDATE SET n = r.n + EXCLUDED.n, micros = r.micros + EXCLUDED.micros
  )
  SELECT count(*)::integer INTO moved FROM taken;
  RETURN moved;
END
$$;--> statement-breakpoint
CREATE VIEW analytics_rollup_all AS
  SELECT figure, day, order_type_id, channel, status_id, detail, n, micros FROM analytics_rollup
  UNION ALL
  SELECT figure, day, order_type_id, channel, status_id, detail, n, micros FROM analytics_rollup_pending;--> statement-breakpoint
-- Takes away what orders added with the histories they had and adds what they add with the ones
-- they have: `before` holds each concerned order's row and entries as they were, `after` as they are.
CREATE FUNCTION analytics_replace(before_rows analytics_order[], before_history analytics_entry[], after_rows analytics_order[], after_history analytics_entry[])
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_add(ARRAY(
    SELECT f FROM analytics_figures(after_rows, after_history) f
    UNION ALL
    SELECT ROW(f.figure, f.day, f.order_type_id, f.channel, f.status_id, f.detail, -f.n, -f.micros)::analytics_delta
    FROM analytics_figures(before_rows, before_history) f));
END
$$;--> statement-breakpoint
-- The short way for an entry newer than every other of its order (every status change, every new
-- order's `created`): only the order's last stay ends and a new one begins. Gives the deltas
-- analytics_replace would give; the rollup tests hold both to the scan of the history.
CREATE FUNCTION analytics_entry_appended(entry analytics_entry) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  o orders;
  previous analytics_entry;
  previous_sla integer;
  reached text[];
  completes boolean;
  day date := analytics_day(entry.at);
  micros bigint;
  deltas analytics_delta[] := '{}';
BEGIN
  SELECT * INTO o FROM orders WHERE id = entry.order_id;
  SELECT e.order_id, e.id, e.created_at, e.to_status_id, s.sla_hours INTO previous.order_id, previous.id, previous.at, previous.status_id, previous_sla
  FROM order_events e JOIN statuses s ON s.id = e.to_status_id
  WHERE e.order_id = entry.order_id AND e.type IN ('created', 'status_changed') AND (e.created_at, e.id) < (entry.at, entry.id)
  ORDER BY e.created_at DESC, e.id DESC LIMIT 1;
  IF previous.id IS NOT NULL THEN
    -- The stay the order was in ends now.
    micros := (extract(epoch FROM entry.at - previous.at) * 1000000)::bigint;
    deltas := deltas || ARRAY[
      ROW('open', analytics_day(previous.at), o.order_type_id, o.channel, previous.status_id, floor(extract(epoch FROM previous.at) / 3600)::integer, -1, 0)::analytics_delta,
      ROW('closed', analytics_day(previous.at), o.order_type_id, o.channel, previous.status_id, analytics_bucket(micros), 1, micros)::analytics_delta,
      ROW('exits', day, o.order_type_id, o.channel, previous.status_id, 0, 1, 0)::analytics_delta];
    IF extract(epoch FROM entry.at - previous.at) > previous_sla * 3600 THEN
      deltas := deltas || ROW('over_sla', analytics_day(previous.at), o.order_type_id, o.channel, previous.status_id, 0, 1, 0)::analytics_delta;
    END IF;
  END IF;
  deltas := deltas || ARRAY[
    ROW('entries', day, o.order_type_id, o.channel, entry.status_id, 0, 1, 0)::analytics_delta,
    ROW('open', day, o.order_type_id, o.channel, entry.status_id, floor(extract(epoch FROM entry.at) / 3600)::integer, 1, 0)::analytics_delta];
  -- The categories of the status the order reaches for the first time (no other entry of its
  -- has one of them), from analytics_status_categories and the status-history index.
  SELECT coalesce(array_agg(mine.category) FILTER (WHERE NOT EXISTS (
           SELECT 1 FROM order_events e JOIN analytics_status_categories other ON other.status_id = e.to_status_id AND other.category = mine.category
           WHERE e.order_id = entry.order_id AND e.type IN ('created', 'status_changed') AND e.id <> entry.id)), '{}'),
         coalesce(bool_or(mine.category = 'completed'), false)
  INTO reached, completes
  FROM analytics_status_categories mine WHERE mine.status_id = entry.status_id;
  deltas := deltas || ARRAY(
    SELECT ROW('reached:' || c, analytics_day(o.created_at), o.order_type_id, o.channel, 0, day - date '2000-01-01', 1, 0)::analytics_delta
    FROM unnest(reached) c);
  -- Its first completion of the day, unless an earlier entry of the day completed it already.
  IF completes AND NOT EXISTS (
    SELECT 1 FROM order_events e JOIN analytics_status_categories other ON other.status_id = e.to_status_id AND other.category = 'completed'
    WHERE e.order_id = entry.order_id AND e.type IN ('created', 'status_changed') AND e.id <> entry.id
      AND e.created_at >= (day::timestamp AT TIME ZONE 'Europe/Warsaw') AND e.created_at < ((day + 1)::timestamp AT TIME ZONE 'Europe/Warsaw')
  ) THEN
    deltas := deltas || ROW('completed', day, o.order_type_id, o.channel, 0, 0, 1, 0)::analytics_delta;
  END IF;
  PERFORM analytics_add(deltas);
END
$$;--> statement-breakpoint
-- Status entries written, changed or deleted by one statement (a statement may write several of
-- one order's entries: a row trigger would see them all at once). One entry newer than its
-- order's others takes the short way; otherwise each order concerned has its figures replaced:
-- the history as the statement found it (without the rows it wrote, with the rows as they were)
-- against the history it left. The order's own row is the same on both sides. An order being
-- deleted has gone already (its own trigger below took its figures away).
CREATE FUNCTION analytics_entries_changed(written analytics_entry[], replaced analytics_entry[]) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  concerned analytics_order[];
  after_history analytics_entry[];
  before_history analytics_entry[];
BEGIN
  IF cardinality(written) = 0 AND cardinality(replaced) = 0 THEN
    RETURN;
  END IF;
  IF cardinality(written) = 1 AND cardinality(replaced) = 0 AND NOT EXISTS (
    SELECT 1 FROM order_events e
    WHERE e.order_id = (written[1]).order_id AND e.type IN ('created', 'status_changed') AND (e.created_at, e.id) > ((written[1]).at, (written[1]).id)
  ) THEN
    IF EXISTS (SELECT 1 FROM orders WHERE id = (written[1]).order_id) THEN
      PERFORM analytics_entry_appended(written[1]);
    END IF;
    RETURN;
  END IF;
  concerned := ARRAY(
    SELECT analytics_order_of(o) FROM orders o
    WHERE o.id IN (SELECT w.order_id FROM unnest(written) w UNION SELECT r.order_id FROM unnest(replaced) r));
  after_history := ARRAY(
    SELECT ROW(e.order_id, e.id, e.created_at, e.to_status_id)::analytics_entry FROM order_events e
    WHERE e.order_id IN (SELECT c.id FROM unnest(concerned) c) AND e.type IN ('created', 'status_changed'));
  before_history := ARRAY(
    SELECT a FROM unnest(after_history) a WHERE a.id NOT IN (SELECT w.id FROM unnest(written) w)
    UNION ALL
    SELECT r FROM unnest(replaced) r);
  PERFORM analytics_replace(concerned, before_history, concerned, after_history);
END
$$;--> statement-breakpoint
CREATE FUNCTION analytics_on_entries_insert() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_entries_changed(
    ARRAY(SELECT ROW(n.order_id, n.id, n.created_at, n.to_status_id)::analytics_entry FROM new_rows n WHERE n.type IN ('created', 'status_changed')),
    '{}');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION analytics_on_entries_update() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_entries_changed(
    ARRAY(SELECT ROW(n.order_id, n.id, n.created_at, n.to_status_id)::analytics_entry FROM new_rows n WHERE n.type IN ('created', 'status_changed')),
    ARRAY(SELECT ROW(o.order_id, o.id, o.created_at, o.to_status_id)::analytics_entry FROM old_rows o WHERE o.type IN ('created', 'status_changed')));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION analytics_on_entries_delete() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_entries_changed(
    '{}',
    ARRAY(SELECT ROW(o.order_id, o.id, o.created_at, o.to_status_id)::analytics_entry FROM old_rows o WHERE o.type IN ('created', 'status_changed')));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER analytics_on_entries_insert AFTER INSERT ON order_events
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_on_entries_insert();--> statement-breakpoint
CREATE TRIGGER analytics_on_entries_update AFTER UPDATE ON order_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_on_entries_update();--> statement-breakpoint
CREATE TRIGGER analytics_on_entries_delete AFTER DELETE ON order_events
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_on_entries_delete();--> statement-breakpoint
-- An order created, moved, edited in a way the figures see, or deleted. A status change alone
-- moves one order between two `now` rows (its history's trigger does the rest); a changed type,
-- channel or creation moves the order's whole figures to their new keys. The delete runs before
-- the row goes, while its history, which the cascade deletes after it, can still be read.
CREATE FUNCTION analytics_on_order() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  history analytics_entry[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- Its entries are written after it, and counted then; so a new order adds its creation and
    -- its status now.
    INSERT INTO analytics_rollup_pending (figure, day, order_type_id, channel, status_id, n)
    VALUES ('created', analytics_day(NEW.created_at), NEW.order_type_id, NEW.channel, 0, 1),
           ('now', date '2000-01-01', NEW.order_type_id, NEW.channel, NEW.status_id, 1);
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM analytics_replace(ARRAY[analytics_order_of(OLD)], analytics_history(OLD.id), '{}', '{}');
    RETURN OLD;
  ELSIF (OLD.order_type_id, OLD.channel, OLD.created_at) IS NOT DISTINCT FROM (NEW.order_type_id, NEW.channel, NEW.created_at) THEN
    INSERT INTO analytics_rollup_pending (figure, day, order_type_id, channel, status_id, n)
    VALUES ('now', date '2000-01-01', NEW.order_type_id, NEW.channel, OLD.status_id, -1),
           ('now', date '2000-01-01', NEW.order_type_id, NEW.channel, NEW.status_id, 1);
    RETURN NULL;
  END IF;
  history := analytics_history(NEW.id);
  PERFORM analytics_replace(ARRAY[analytics_order_of(OLD)], history, ARRAY[analytics_order_of(NEW)], history);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER analytics_on_order_insert AFTER INSERT ON orders
  FOR EACH ROW EXECUTE FUNCTION analytics_on_order();--> statement-breakpoint
CREATE TRIGGER analytics_on_order_update AFTER UPDATE OF status_id, order_type_id, channel, created_at ON orders
  FOR EACH ROW WHEN ((OLD.status_id, OLD.order_type_id, OLD.channel, OLD.created_at) IS DISTINCT FROM (NEW.status_id, NEW.order_type_id, NEW.channel, NEW.created_at))
  EXECUTE FUNCTION analytics_on_order();--> statement-breakpoint
CREATE TRIGGER analytics_on_order_delete BEFORE DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION analytics_on_order();--> statement-breakpoint
-- Adds the figures of the orders named (every order for NULL), 20,000 orders at a time: the
-- migration's fill, the rebuild, and the demo seed's bulk load, whose
-- session_replication_role = replica skips the triggers above.
CREATE FUNCTION analytics_add_orders(ids integer[]) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  chunk integer[];
BEGIN
  FOR chunk IN
    SELECT array_agg(c.id) FROM (
      SELECT o.id, (row_number() OVER (ORDER BY o.id) - 1) / 20000 AS part FROM orders o WHERE ids IS NULL OR o.id = ANY (ids)
    ) c GROUP BY c.part
  LOOP
    INSERT INTO analytics_rollup AS r (figure, day, order_type_id, channel, status_id, detail, n, micros)
    SELECT f.figure, f.day, f.order_type_id, f.channel, f.status_id, f.detail, sum(f.n)::integer, sum(f.micros)::bigint
    FROM analytics_figures(
      ARRAY(SELECT analytics_order_of(o) FROM orders o WHERE o.id = ANY (chunk)),
      ARRAY(SELECT ROW(e.order_id, e.id, e.created_at, e.to_status_id)::analytics_entry FROM order_events e
            WHERE e.order_id = ANY (chunk) AND e.type IN ('created', 'status_changed'))) f
    GROUP BY f.figure, f.day, f.order_type_id, f.channel, f.status_id, f.detail
    HAVING sum(f.n) <> 0 OR sum(f.micros) <> 0
    ORDER BY f.figure, f.day, f.order_type_id, f.channel, f.status_id, f.detail
    ON CONFLICT (figure, day, order_type_id, channel, status_id, detail)
    DO UPDATE SET n = r.n + EXCLUDED.n, micros = r.micros + EXCLUDED.micros;
  END LOOP;
END
$$;--> statement-breakpoint
-- The rollups afresh from the history. The lock waits for the writers in flight to commit and
-- holds new ones back until the rebuild commits, so none of their changes is counted twice or
-- lost.
CREATE FUNCTION analytics_rebuild() RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE analytics_rollup, analytics_rollup_pending IN EXCLUSIVE MODE;
  DELETE FROM analytics_rollup_pending;
  DELETE FROM analytics_rollup;
  PERFORM analytics_add_orders(NULL);
END
$$;--> statement-breakpoint
-- A status's SLA, code or group, or a group's kind or key, decides what its stays count as
-- (over the SLA, completed, cancelled, returned): when one of them changes, every figure is
-- worked out again, once for the statement however many rows it changed. Rare (the workflow
-- studio), and exact; ADR 0157 has its cost.
CREATE FUNCTION analytics_rebuild_on_workflow_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_refresh_categories();
  IF TG_TABLE_NAME = 'statuses' THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
               WHERE (o.sla_hours, o.code, o.group_id) IS DISTINCT FROM (n.sla_hours, n.code, n.group_id)) THEN
      PERFORM analytics_rebuild();
    END IF;
  ELSIF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                WHERE (o.kind, o.key) IS DISTINCT FROM (n.kind, n.key)) THEN
    PERFORM analytics_rebuild();
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER analytics_on_status_change AFTER UPDATE ON statuses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_rebuild_on_workflow_change();--> statement-breakpoint
CREATE TRIGGER analytics_on_group_change AFTER UPDATE ON status_groups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_rebuild_on_workflow_change();--> statement-breakpoint
-- The history there is.
SELECT analytics_add_orders(NULL);

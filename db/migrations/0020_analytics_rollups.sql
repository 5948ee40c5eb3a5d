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
-- The analytics rollups (ADR 0157): the page's figures kept per shop day in analytics_rollup, by
-- triggers on orders and on the status entries of order_events, in the writing transaction. Every
-- figure is worked out in one place, analytics_order_figures: what one order adds to the rollups,
-- from the order's row and its status entries. A trigger takes away what the order added before
-- the write and adds what it adds after it; the rebuild sums it over every order. So a backdated
-- entry, an undo (a status change of its own), a deleted order or an edited date all leave the
-- rollups equal to a scan of the history.
--
-- Days are the shop's (Europe/Warsaw, as lib/analytics/filters.ts).
CREATE FUNCTION analytics_day(at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN (at AT TIME ZONE 'Europe/Warsaw')::date;--> statement-breakpoint
-- A stay's duration bucket: 8 a doubling of (1 + seconds), so a bucket spans 9 % of its durations.
-- lib/analytics/duration-buckets.ts holds the same scale.
CREATE FUNCTION analytics_bucket(micros bigint) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN floor(8 * log(2::numeric, 1 + micros / 1000000.0))::integer;--> statement-breakpoint
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
-- One status entry of an order's history (a `created` or `status_changed` row).
CREATE TYPE analytics_entry AS (order_id integer, id bigint, at timestamptz, status_id integer);--> statement-breakpoint
-- An order's status entries, in the order stays follow each other (time, then id).
CREATE FUNCTION analytics_history(order_id integer) RETURNS analytics_entry[]
  LANGUAGE sql STABLE
  RETURN ARRAY(
    SELECT ROW(e.order_id, e.id, e.created_at, e.to_status_id)::analytics_entry FROM order_events e
    WHERE e.order_id = analytics_history.order_id AND e.type IN ('created', 'status_changed')
    ORDER BY e.created_at, e.id);--> statement-breakpoint
-- What one order adds to analytics_rollup, given its row and its status entries (see the table's
-- comment in db/schema/analytics.ts). An order that is not there (NULL) adds nothing.
CREATE FUNCTION analytics_order_figures(o orders, history analytics_entry[])
  RETURNS TABLE (figure text, day date, order_type_id integer, channel text, status_id integer, detail integer, n integer, micros bigint)
  LANGUAGE sql STABLE AS $$
  WITH entries AS (
    SELECT h.id, h.at, h.status_id FROM unnest(history) AS h WHERE (o).id IS NOT NULL
  ),
  kinds AS (
    SELECT s.id, s.sla_hours, analytics_categories(s.code, g.kind::text, g.key) AS categories
    FROM statuses s JOIN status_groups g ON g.id = s.group_id
    WHERE s.id IN (SELECT entries.status_id FROM entries)
  ),
  stays AS (
    SELECT e.status_id, e.at AS entered, lead(e.at) OVER (ORDER BY e.at, e.id) AS left_at FROM entries e
  ),
  timed AS (
    SELECT s.status_id, s.entered, s.left_at, analytics_day(s.entered) AS day,
           (extract(epoch FROM s.left_at - s.entered) * 1000000)::bigint AS micros,
           extract(epoch FROM s.left_at - s.entered) > k.sla_hours * 3600 AS over_sla
    FROM stays s JOIN kinds k ON k.id = s.status_id
  ),
  figures (figure, day, status_id, detail, n, micros) AS (
    SELECT 'created', analytics_day((o).created_at), 0, 0, 1, 0::bigint WHERE (o).id IS NOT NULL
    UNION ALL SELECT 'now', date '2000-01-01', (o).status_id, 0, 1, 0 WHERE (o).id IS NOT NULL
    UNION ALL SELECT 'entries', t.day, t.status_id, 0, 1, 0 FROM timed t
    UNION ALL SELECT 'exits', analytics_day(t.left_at), t.status_id, 0, 1, 0 FROM timed t WHERE t.left_at IS NOT NULL
    UNION ALL SELECT 'closed', t.day, t.status_id, analytics_bucket(t.micros), 1, t.micros FROM timed t WHERE t.left_at IS NOT NULL
    UNION ALL SELECT 'over_sla', t.day, t.status_id, 0, 1, 0 FROM timed t WHERE t.over_sla
    UNION ALL SELECT 'open', t.day, t.status_id, floor(extract(epoch FROM t.entered) / 3600)::integer, 1, 0 FROM timed t WHERE t.left_at IS NULL
    UNION ALL
    SELECT 'completed', d.day, 0, 0, 1, 0
    FROM (SELECT DISTINCT analytics_day(e.at) AS day FROM entries e JOIN kinds k ON k.id = e.status_id WHERE 'completed' = ANY (k.categories)) d
    UNION ALL
    SELECT 'reached:' || c.category, analytics_day((o).created_at), 0, analytics_day(min(e.at)) - date '2000-01-01', 1, 0
    FROM entries e JOIN kinds k ON k.id = e.status_id, unnest(k.categories) AS c(category)
    GROUP BY c.category
  )
  SELECT f.figure, f.day, (o).order_type_id, (o).channel, f.status_id, f.detail, f.n, f.micros FROM figures f
$$;--> statement-breakpoint
-- Takes what an order added before a write away and adds what it adds after it: only the keys
-- whose counts change are written, in key order, so two writers never wait on each other's rows
-- in opposite orders.
CREATE FUNCTION analytics_apply(before_row orders, before_history analytics_entry[], after_row orders, after_history analytics_entry[])
  RETURNS void LANGUAGE sql AS $$
  INSERT INTO analytics_rollup AS r (figure, day, order_type_id, channel, status_id, detail, n, micros)
  SELECT d.figure, d.day, d.order_type_id, d.channel, d.status_id, d.detail, sum(d.n)::integer, sum(d.micros)::bigint
  FROM (
    SELECT * FROM analytics_order_figures(after_row, after_history)
    UNION ALL
    SELECT f.figure, f.day, f.order_type_id, f.channel, f.status_id, f.detail, -f.n, -f.micros FROM analytics_order_figures(before_row, before_history) f
  ) d
  GROUP BY d.figure, d.day, d.order_type_id, d.channel, d.status_id, d.detail
  HAVING sum(d.n) <> 0 OR sum(d.micros) <> 0
  ORDER BY d.figure, d.day, d.order_type_id, d.channel, d.status_id, d.detail
  ON CONFLICT (figure, day, order_type_id, channel, status_id, detail)
  DO UPDATE SET n = r.n + EXCLUDED.n, micros = r.micros + EXCLUDED.micros
$$;--> statement-breakpoint
-- Status entries written, changed or deleted, by one statement (a statement may write several
-- of one order's entries: each row's trigger would see them all): for each order concerned, its
-- figures with the history as the statement found it (without the rows it wrote, with the rows
-- as they were) and as it left it. The order's own row is the same on both sides, so only the
-- history's figures change. An order being deleted has gone already (its own trigger below took
-- its figures away).
CREATE FUNCTION analytics_apply_entries(written bigint[], replaced analytics_entry[]) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO analytics_rollup AS r (figure, day, order_type_id, channel, status_id, detail, n, micros)
  SELECT d.figure, d.day, d.order_type_id, d.channel, d.status_id, d.detail, sum(d.n)::integer, sum(d.micros)::bigint
  FROM (
    SELECT o.id FROM orders o
    WHERE o.id IN (SELECT e.order_id FROM order_events e WHERE e.id = ANY (written) UNION SELECT x.order_id FROM unnest(replaced) x)
  ) concerned
  JOIN orders o ON o.id = concerned.id,
  LATERAL (
    SELECT * FROM analytics_order_figures(o, analytics_history(o.id))
    UNION ALL
    SELECT f.figure, f.day, f.order_type_id, f.channel, f.status_id, f.detail, -f.n, -f.micros
    FROM analytics_order_figures(o, ARRAY(
      SELECT ROW(h.order_id, h.id, h.at, h.status_id)::analytics_entry FROM (
        SELECT a.* FROM unnest(analytics_history(o.id)) a WHERE a.id <> ALL (written)
        UNION ALL
        SELECT x.* FROM unnest(replaced) x WHERE x.order_id = o.id
      ) h
      ORDER BY h.at, h.id)) f
  ) d
  GROUP BY d.figure, d.day, d.order_type_id, d.channel, d.status_id, d.detail
  HAVING sum(d.n) <> 0 OR sum(d.micros) <> 0
  ORDER BY d.figure, d.day, d.order_type_id, d.channel, d.status_id, d.detail
  ON CONFLICT (figure, day, order_type_id, channel, status_id, detail)
  DO UPDATE SET n = r.n + EXCLUDED.n, micros = r.micros + EXCLUDED.micros
$$;--> statement-breakpoint
CREATE FUNCTION analytics_on_entries_insert() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_apply_entries(ARRAY(SELECT n.id FROM new_rows n WHERE n.type IN ('created', 'status_changed')), '{}');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION analytics_on_entries_update() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_apply_entries(
    ARRAY(SELECT n.id FROM new_rows n WHERE n.type IN ('created', 'status_changed')),
    ARRAY(SELECT ROW(o.order_id, o.id, o.created_at, o.to_status_id)::analytics_entry FROM old_rows o WHERE o.type IN ('created', 'status_changed')));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION analytics_on_entries_delete() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_apply_entries('{}',
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
-- touches only its `now` rows (its history's trigger does the rest); a changed type, channel or
-- creation moves the order's whole figures to their new keys. The delete runs before the row
-- goes, while its history, which the cascade deletes after it, can still be read.
CREATE FUNCTION analytics_on_order() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  history analytics_entry[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_apply(NULL, NULL, NEW, analytics_history(NEW.id));
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM analytics_apply(OLD, analytics_history(OLD.id), NULL, NULL);
    RETURN OLD;
  END IF;
  IF (OLD.order_type_id, OLD.channel, OLD.created_at) IS DISTINCT FROM (NEW.order_type_id, NEW.channel, NEW.created_at) THEN
    history := analytics_history(NEW.id);
  END IF;
  PERFORM analytics_apply(OLD, history, NEW, history);
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
-- Adds the figures of the orders named (all of them for NULL) as one sum: the rebuild, and the
-- demo seed's bulk load, whose session_replication_role = replica skips the triggers above.
CREATE FUNCTION analytics_add_orders(ids integer[]) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO analytics_rollup AS r (figure, day, order_type_id, channel, status_id, detail, n, micros)
  SELECT f.figure, f.day, f.order_type_id, f.channel, f.status_id, f.detail, sum(f.n)::integer, sum(f.micros)::bigint
  FROM orders o, analytics_order_figures(o, analytics_history(o.id)) f
  WHERE ids IS NULL OR o.id = ANY (ids)
  GROUP BY f.figure, f.day, f.order_type_id, f.channel, f.status_id, f.detail
  ORDER BY f.figure, f.day, f.order_type_id, f.channel, f.status_id, f.detail
  ON CONFLICT (figure, day, order_type_id, channel, status_id, detail)
  DO UPDATE SET n = r.n + EXCLUDED.n, micros = r.micros + EXCLUDED.micros
$$;--> statement-breakpoint
-- The rollups afresh from the history. The lock waits for the writers in flight to commit and
-- holds new ones back until the rebuild commits, so none of their changes is counted twice or
-- lost.
CREATE FUNCTION analytics_rebuild() RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE analytics_rollup IN EXCLUSIVE MODE;
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

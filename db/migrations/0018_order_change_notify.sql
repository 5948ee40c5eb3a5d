-- Live updates (ADR 0150): every committed order_events row tells the app processes which order
-- changed, through NOTIFY on the channel "order_changes". Ids, the status and the version only:
-- no personal data travels on the channel. A constraint trigger deferred to commit reads the
-- order as the transaction leaves it (a change may write its history row before the order row),
-- and NOTIFY itself is delivered on commit only: a rolled-back change, or one undone to a
-- savepoint (a preview, a refused automation step), tells nobody.
CREATE FUNCTION "notify_order_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('order_changes', json_build_object(
    'orderId', o.id,
    'orderTypeId', o.order_type_id,
    'statusId', o.status_id,
    'version', o.version,
    'eventId', NEW.id
  )::text)
  FROM orders o
  WHERE o.id = NEW.order_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "order_events_notify_change" AFTER INSERT ON "order_events"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "notify_order_change"();

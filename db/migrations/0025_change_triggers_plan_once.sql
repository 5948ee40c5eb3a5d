-- The trigger functions on orders and their history, which every order change runs (the
-- analytics rollups' bookkeeping, the live boards' NOTIFY, the search row), look rows up by the
-- changed order's id. plpgsql keeps a plan
-- per statement, but under the default plan_cache_mode a statement with parameters is planned
-- afresh on every call while its custom plans look cheaper than the generic one, and for these
-- small keyed lookups (an index probe by order id, a few-row unnest) they always do. Planning
-- was then over a third of the history insert's CPU (perf on a backend inserting status
-- changes: GetCachedPlan -> standard_planner, SS_process_sublinks). Every statement in these
-- functions is keyed by an id or runs over the handful of rows one change writes, so the
-- generic plan is the plan: they are planned once per connection. (The setting holds for what
-- they call as well.) The rebuild and the fold, which run over whole tables outside any change,
-- keep custom plans.
ALTER FUNCTION analytics_on_entries_insert() SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION analytics_on_entries_update() SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION analytics_on_entries_delete() SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION analytics_entries_changed(analytics_entry[], analytics_entry[]) SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION analytics_entry_appended(analytics_entry) SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION analytics_add(analytics_delta[]) SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION analytics_on_order() SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION notify_order_change() SET plan_cache_mode = force_generic_plan;--> statement-breakpoint
ALTER FUNCTION order_search_write() SET plan_cache_mode = force_generic_plan;

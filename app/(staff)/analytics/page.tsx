import { AnalyticsFiltersForm } from "@/components/analytics/analytics-filters";
import { ColouredBarChart, DailyFlowChart, TimeInStatusChart } from "@/components/analytics/charts";
import { FigureCard, FigureTable } from "@/components/analytics/figure-card";
import { KIND_COLOURS, KIND_LABELS } from "@/components/analytics/palette";
import { OverdueBoardLinks, StuckOrdersTable } from "@/components/analytics/stuck-orders-table";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { listBoardOrderTypes, listFilterFacets } from "@/db/queries/board";
import {
  countOrdersByStatus,
  loadDailyFlow,
  loadFunnel,
  loadRates,
  loadStuckOrders,
  loadTimeInStatus,
  PERIOD_PRESETS,
  resolveSearch,
  searchParamsOf,
  sumByGroup,
  type AnalyticsTable,
} from "@/lib/analytics";
import { requirePageUser } from "@/lib/auth";
import { formatDuration } from "@/lib/format";

export const metadata = { title: "Analytics" };

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;
const duration = (seconds: number) => formatDuration(seconds * 1000);

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageUser("staff");
  const raw = await searchParams;
  const resolved = resolveSearch(raw);
  const { filters, idleDays } = resolved;
  const db = await getDb();
  const now = new Date();
  const [types, facets, statusCounts, daily, times, funnel, rates, stuck] = await Promise.all([
    listBoardOrderTypes({ db }),
    listFilterFacets({ db }),
    countOrdersByStatus(db, filters),
    loadDailyFlow(db, filters),
    loadTimeInStatus(db, filters, { now }),
    loadFunnel(db, filters),
    loadRates(db, filters),
    loadStuckOrders(db, filters, { idleDays, now }),
  ]);
  const query = searchParamsOf(resolved).toString();
  const csv = (table: AnalyticsTable) => `/analytics/export/${table}?${query}`;
  const groups = sumByGroup(statusCounts);
  const enteredTotal = daily.reduce((sum, d) => sum + d.entered, 0);
  const completedTotal = daily.reduce((sum, d) => sum + d.completed, 0);
  const stuckTypes = types.filter((t) => stuck.rows.some((r) => r.orderTypeCode === t.code));
  const typeName = types.find((t) => t.code === filters.orderType)?.name;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Analytics</h1>
        <p className="text-sm text-slate-600" data-testid="period-summary">
          {filters.from} to {filters.to} · {typeName ?? "all order types"} · {filters.channel ?? "all channels"}
        </p>
      </div>
      <AnalyticsFiltersForm
        presets={PERIOD_PRESETS}
        types={types}
        channels={facets.channels}
        values={{
          period: resolved.period,
          from: resolved.errors.from || resolved.errors.to ? one(raw.from) : filters.from,
          to: resolved.errors.from || resolved.errors.to ? one(raw.to) : filters.to,
          type: filters.orderType ?? "",
          channel: filters.channel ?? "",
          idle: resolved.errors.idle ? one(raw.idle) : String(idleDays),
        }}
        errors={resolved.errors}
      />
      {Object.keys(resolved.errors).length > 0 && (
        <Alert tone="warning">Some filters could not be used (see the marked fields); the figures below use the defaults for them.</Alert>
      )}

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {[
          ["Orders entered", enteredTotal.toLocaleString("en")],
          ["Orders completed", completedTotal.toLocaleString("en")],
          ["Cancellation rate", rates.cohort ? `${pct(rates.cancellationRate)} (${rates.cancelled})` : "–"],
          ["Return and complaint rate", rates.cohort ? `${pct(rates.returnRate)} (${rates.returned})` : "–"],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={`tile-${label}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      <FigureCard
        id="daily"
        title="Orders entered and completed per day"
        description="Entered: created that day. Completed: reached a status in a Completed group that day (Warsaw time)."
        csvHref={csv("daily")}
        empty={enteredTotal === 0 && completedTotal === 0}
        emptyText="No orders were entered or completed in this period."
      >
        <DailyFlowChart rows={daily} />
        <FigureTable
          caption="Orders entered and completed per day"
          headers={["Day", "Entered", "Completed"]}
          numeric={[1, 2]}
          rows={daily.map((d) => [d.day, d.entered, d.completed])}
        />
      </FigureCard>

      <div className="grid gap-6 lg:grid-cols-2">
        <FigureCard
          id="status-counts"
          title="Where orders are now"
          description="Orders in each status and group right now (the period does not apply)."
          csvHref={csv("status-counts")}
          empty={statusCounts.length === 0}
          emptyText="No orders match these filters."
        >
          <ColouredBarChart
            label="Orders per group now"
            valueLabel="Orders"
            rows={groups.map((g) => ({ name: g.name, value: g.orders, colour: KIND_COLOURS[g.kind] }))}
          />
          <FigureTable
            caption="Orders per status now"
            headers={["Status", "Group", "Orders"]}
            numeric={[2]}
            rows={[
              ...statusCounts.map((s) => [s.name, s.groupName, s.orders]),
              ...groups.map((g) => [<strong key={g.groupId}>All in {g.name}</strong>, KIND_LABELS[g.kind], <strong key="n">{g.orders}</strong>]),
            ]}
          />
        </FigureCard>

        <FigureCard
          id="funnel"
          title="Funnel and rates"
          description="Of the orders created in the period, how many reached each kind of group by its end. A return or complaint is not counted as a cancellation."
          csvHref={csv("funnel")}
          empty={funnel.cohort === 0}
          emptyText="No orders were created in this period."
        >
          <ColouredBarChart
            label="Funnel through the group kinds"
            valueLabel="Orders"
            rows={funnel.steps.map((s) => ({ name: KIND_LABELS[s.kind], value: s.orders, colour: KIND_COLOURS[s.kind] }))}
          />
          <FigureTable
            caption="Funnel through the group kinds"
            headers={["Reached", "Orders", "Share of created"]}
            numeric={[1, 2]}
            rows={[
              ["Created in the period", funnel.cohort, "100%"],
              ...funnel.steps.map((s) => [KIND_LABELS[s.kind], s.orders, pct(s.share)]),
              ["Cancelled", rates.cancelled, pct(rates.cancellationRate)],
              ["Returned or complained", rates.returned, pct(rates.returnRate)],
            ]}
          />
          <p className="text-sm">
            <a href={csv("rates")} download className="text-blue-700 underline-offset-2 hover:underline">
              Download the rates as CSV
            </a>
          </p>
        </FigureCard>
      </div>

      <FigureCard
        id="time-in-status"
        title="Time in status"
        description="Stays that began in the period, from the order history; a stay still going counts until now. Breaches: stays longer than the status's SLA."
        csvHref={csv("time-in-status")}
        empty={times.length === 0}
        emptyText="No order entered an open status in this period."
      >
        <TimeInStatusChart rows={times.map((t) => ({ name: t.name, median: hours(t.medianSeconds), p90: hours(t.p90Seconds) }))} />
        <FigureTable
          caption="Median and 90th percentile time in each status, with SLA breaches"
          headers={["Status", "Stays", "Still there", "Median", "90th percentile", "SLA", "Breaches"]}
          numeric={[1, 2, 6]}
          rows={times.map((t) => [
            t.name,
            t.stays,
            t.open,
            duration(t.medianSeconds),
            duration(t.p90Seconds),
            t.slaHours === null ? "none" : `${t.slaHours} h`,
            t.slaHours === null ? "–" : `${t.slaBreaches} (${pct(t.slaBreaches / t.stays)})`,
          ])}
        />
      </FigureCard>

      <FigureCard
        id="stuck"
        title={`Stuck orders (${stuck.total})`}
        description={`Open orders over their status's SLA, or with no event at all for ${idleDays} days. Now, whatever the period.`}
        csvHref={csv("stuck")}
        empty={stuck.total === 0}
        emptyText="Nothing is stuck: every open order is within its SLA and was touched recently."
      >
        <OverdueBoardLinks types={stuckTypes} channel={filters.channel} />
        <StuckOrdersTable rows={stuck.rows} total={stuck.total} now={now.getTime()} idleDays={idleDays} />
      </FigureCard>
    </div>
  );
}

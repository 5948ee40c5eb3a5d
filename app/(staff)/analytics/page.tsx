import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { channelName } from "@/lib/channel-name";
import { AnalyticsFiltersForm } from "@/components/analytics/analytics-filters";
import { ColouredBarChart, DailyFlowChart, TimeInStatusChart } from "@/components/analytics/charts";
import { FigureCard, FigureTable } from "@/components/analytics/figure-card";
import { KIND_COLOURS } from "@/components/analytics/palette";
import { OverdueBoardLinks, StuckOrdersTable } from "@/components/analytics/stuck-orders-table";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { statusGroups, statuses as statusTable } from "@/db/schema";
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
  STUCK_CSV_LIMIT,
  sumByGroup,
  type AnalyticsTable,
} from "@/lib/analytics";
import { requirePageUser } from "@/lib/auth";
import { durationMessage } from "@/lib/format";
import { nameIn } from "@/lib/i18n/name-in";
import { intlTag, resolveLocale } from "@/lib/i18n/locales";

export async function generateMetadata() {
  const t = await getTranslations("analytics");
  return { title: t("title") };
}

const hours = (seconds: number) => Math.round((seconds / 3600) * 10) / 10;

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageUser("analytics");
  const raw = await searchParams;
  const resolved = resolveSearch(raw);
  const { filters, idleDays } = resolved;
  const db = await getDb();
  const now = new Date();
  const [t, tCommon, channelWords, locale, timeZone, statusRows, groupRows] = await Promise.all([
    getTranslations("analytics"),
    getTranslations("common"),
    getTranslations("common.salesChannels"),
    getLocale(),
    getTimeZone(),
    db.select({ id: statusTable.id, code: statusTable.code, translations: statusTable.translations }).from(statusTable),
    db.select({ id: statusGroups.id, translations: statusGroups.translations }).from(statusGroups),
  ]);
  const percent = new Intl.NumberFormat(intlTag(resolveLocale(locale)), { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = (share: number) => percent.format(share);
  const count = (n: number) => n.toLocaleString(intlTag(resolveLocale(locale)));
  const duration = (seconds: number) => {
    const m = durationMessage(seconds * 1000);
    return tCommon(`duration.${m.key}`, m.values as never);
  };
  const translationsById = new Map(statusRows.map((s) => [s.id, s.translations]));
  const translationsByCode = new Map(statusRows.map((s) => [s.code, s.translations]));
  const statusName = (name: string, id: number) => nameIn({ name, translations: translationsById.get(id) }, locale);
  const groupTranslationsById = new Map(groupRows.map((g) => [g.id, g.translations]));
  const groupName = (name: string, id: number) => nameIn({ name, translations: groupTranslationsById.get(id) }, locale);
  const [types, facets, statusCounts, daily, times, funnel, rates, stuck] = await Promise.all([
    listBoardOrderTypes({ db, locale }),
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
  const stuckTypes = types.filter((type) => stuck.rows.some((r) => r.orderTypeCode === type.code));
  const kindName = (kind: keyof typeof KIND_COLOURS) => t(`kinds.${kind}`);
  const typeNameByCode = new Map(types.map((type) => [type.code, type.name]));
  const typeName = filters.orderType === undefined ? undefined : typeNameByCode.get(filters.orderType);
  const stuckRows = stuck.rows.map((r) => ({
    ...r,
    statusName: nameIn({ name: r.statusName, translations: translationsByCode.get(r.statusCode) }, locale),
    orderTypeName: typeNameByCode.get(r.orderTypeCode) ?? r.orderTypeName,
  }));
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600" data-testid="period-summary">
          {t("summary", { from: filters.from, to: filters.to, type: typeName ?? t("allTypes"), channel: filters.channel ? channelName(filters.channel, channelWords) : t("allChannels") })}
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
        <Alert tone="warning">{t("filters.unusable")}</Alert>
      )}

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {[
          ["entered", t("tiles.entered"), count(enteredTotal)],
          ["completed", t("tiles.completed"), count(completedTotal)],
          ["cancellationRate", t("tiles.cancellationRate"), rates.cohort ? t("tiles.rateWithCount", { share: pct(rates.cancellationRate), count: rates.cancelled }) : "–"],
          ["returnRate", t("tiles.returnRate"), rates.cohort ? t("tiles.rateWithCount", { share: pct(rates.returnRate), count: rates.returned }) : "–"],
        ].map(([id, label, value]) => (
          <div key={id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={`tile-${id}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      <FigureCard
        id="daily"
        title={t("daily.title")}
        description={t("daily.description")}
        csvHref={csv("daily")}
        empty={enteredTotal === 0 && completedTotal === 0}
        emptyText={t("daily.empty")}
      >
        <DailyFlowChart rows={daily} />
        <FigureTable
          caption={t("daily.title")}
          headers={[t("daily.day"), t("daily.entered"), t("daily.completed")]}
          numeric={[1, 2]}
          rows={daily.map((d) => [d.day, d.entered, d.completed])}
        />
      </FigureCard>

      <div className="grid gap-6 lg:grid-cols-2">
        <FigureCard
          id="status-counts"
          title={t("now.title")}
          description={t("now.description")}
          csvHref={csv("status-counts")}
          empty={statusCounts.length === 0}
          emptyText={t("now.empty")}
        >
          <ColouredBarChart
            label={t("now.chart")}
            valueLabel={t("now.orders")}
            rows={groups.map((g) => ({ name: groupName(g.name, g.groupId), value: g.orders, colour: KIND_COLOURS[g.kind] }))}
          />
          <FigureTable
            caption={t("now.table")}
            headers={[t("now.status"), t("now.group"), t("now.orders")]}
            numeric={[2]}
            rows={[
              ...statusCounts.map((s) => [statusName(s.name, s.statusId), groupName(s.groupName, s.groupId), count(s.orders)]),
              ...groups.map((g) => [
                <strong key={g.groupId}>{t("now.allIn", { group: groupName(g.name, g.groupId) })}</strong>,
                kindName(g.kind),
                <strong key="n">{count(g.orders)}</strong>,
              ]),
            ]}
          />
        </FigureCard>

        <FigureCard
          id="funnel"
          title={t("funnel.title")}
          description={t("funnel.description")}
          csvHref={csv("funnel")}
          empty={funnel.cohort === 0}
          emptyText={t("funnel.empty")}
        >
          <ColouredBarChart
            label={t("funnel.table")}
            valueLabel={t("funnel.orders")}
            rows={funnel.steps.map((s) => ({ name: kindName(s.kind), value: s.orders, colour: KIND_COLOURS[s.kind] }))}
          />
          <FigureTable
            caption={t("funnel.table")}
            headers={[t("funnel.reached"), t("funnel.orders"), t("funnel.share")]}
            numeric={[1, 2]}
            rows={[
              [t("funnel.created"), count(funnel.cohort), pct(1)],
              ...funnel.steps.map((s) => [kindName(s.kind), count(s.orders), pct(s.share)]),
              [t("funnel.cancelled"), count(rates.cancelled), pct(rates.cancellationRate)],
              [t("funnel.returned"), count(rates.returned), pct(rates.returnRate)],
            ]}
          />
          <p className="text-sm">
            <a href={csv("rates")} download className="text-blue-700 underline-offset-2 hover:underline">
              {t("csv.rates")}
            </a>
          </p>
        </FigureCard>
      </div>

      <FigureCard
        id="time-in-status"
        title={t("time.title")}
        description={t("time.description")}
        csvHref={csv("time-in-status")}
        empty={times.length === 0}
        emptyText={t("time.empty")}
      >
        <TimeInStatusChart
          label={t("time.chart")}
          names={{ median: t("time.medianHours"), p90: t("time.p90Hours"), unit: t("time.hoursUnit") }}
          rows={times.map((row) => ({ name: statusName(row.name, row.statusId), median: hours(row.medianSeconds), p90: hours(row.p90Seconds) }))}
        />
        <FigureTable
          caption={t("time.table")}
          headers={[t("time.status"), t("time.stays"), t("time.open"), t("time.median"), t("time.p90"), t("time.sla"), t("time.breaches")]}
          numeric={[1, 2, 6]}
          rows={times.map((row) => [
            statusName(row.name, row.statusId),
            count(row.stays),
            count(row.open),
            duration(row.medianSeconds),
            duration(row.p90Seconds),
            row.slaHours === null ? t("time.none") : t("time.hours", { hours: row.slaHours }),
            row.slaHours === null ? "–" : t("time.breachesValue", { count: row.slaBreaches, share: pct(row.slaBreaches / row.stays) }),
          ])}
        />
      </FigureCard>

      <FigureCard
        id="stuck"
        title={t("stuck.title", { count: stuck.total, more: stuck.more ? "yes" : "no" })}
        description={t("stuck.description", { days: idleDays })}
        csvHref={csv("stuck")}
        empty={stuck.total === 0}
        emptyText={t("stuck.empty")}
      >
        <OverdueBoardLinks types={stuckTypes} channel={filters.channel} />
        <StuckOrdersTable rows={stuckRows} more={stuck.more} csvLimit={STUCK_CSV_LIMIT} now={now.getTime()} idleDays={idleDays} locale={locale} timeZone={timeZone} />
      </FigureCard>
    </div>
  );
}

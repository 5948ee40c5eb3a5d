import Link from "next/link";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/status-badge";
import type { OrderHistoryEntry, OrderNotification } from "@/db/queries/orders";
import { formatDateTime, formatMoney } from "@/lib/format";
import { nameIn } from "@/lib/i18n/name-in";
import { courierName } from "@/lib/courier-name";
import { isDocumentKind, type DocumentKind } from "@/lib/documents/kinds";
import { isUndo } from "@/lib/orders/undo-mark";
import { parcelEventDataOf } from "@/lib/parcels/event-data";
import { editFieldKey, editLines } from "./edit-lines";

/** Why an automated action was refused: the reasons the catalogue words (`order.history.automationReasons`). */
const AUTOMATION_REASONS = [
  "transition_not_allowed",
  "guard_failed",
  "depth_limit",
  "cycle",
  "not_found",
  "no_recipient",
  "invalid_rule",
  "error",
] as const;
type AutomationReason = (typeof AUTOMATION_REASONS)[number] | "other";

export function automationReasonKey(reason: string): AutomationReason {
  return (AUTOMATION_REASONS as readonly string[]).includes(reason) ? (reason as AutomationReason) : "other";
}

/** The facts a document's history entry carries (lib/documents: issue.ts, email.ts). */
type DocumentFacts = { kind?: DocumentKind; number?: string; action?: "issued" | "emailed"; to?: string | null };

function documentOf(data: unknown): DocumentFacts | undefined {
  const document = (data as { document?: DocumentFacts } | null)?.document;
  return document && isDocumentKind(document.kind) && document.number ? document : undefined;
}

function Describe({ entry, currency }: { entry: OrderHistoryEntry; currency: string }) {
  const t = useTranslations("order.history");
  const tDocuments = useTranslations("order.documents");
  const tRefund = useTranslations("order.refund");
  const tNotes = useTranslations("notes");
  const tParcels = useTranslations("parcels");
  const locale = useLocale();
  const timeZone = useTimeZone();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const { event, from, to } = entry;
  const badge = (status: typeof from) => status && <StatusBadge name={nameIn(status, locale)} colour={status.colour} />;
  switch (event.type) {
    case "created":
      return (
        <>
          {t("created")} {badge(to)}
        </>
      );
    case "status_changed":
      return (
        <span className="inline-flex flex-wrap items-center gap-1.5">
          {isUndo(event) && <span className="font-medium">{t("undone")}</span>}
          {badge(from)}
          <span aria-label={t("to")}>→</span>
          {badge(to)}
        </span>
      );
    case "payment_recorded": {
      const data = event.data as { amount?: number; paidAmount?: number; total?: number; fullyPaid?: boolean; reference?: string };
      return (
        <>
          {t("paymentRecorded", { amount: money(data.amount ?? 0) })}
          {data.fullyPaid ? t("paidInFull") : t("paidSoFar", { paid: money(data.paidAmount ?? 0), total: money(data.total ?? 0) })}
          {data.reference && <span className="text-slate-500"> · {data.reference}</span>}
        </>
      );
    }
    case "refund_recorded": {
      const data = event.data as { amount?: number; method?: string; reference?: string | null };
      const method = data.method && tRefund.has(`methods.${data.method}` as "methods.card") ? tRefund(`methods.${data.method}` as "methods.card") : (data.method ?? "");
      return (
        <>
          {t("refundRecorded", { amount: money(data.amount ?? 0), method })}
          {data.reference && <span className="text-slate-500"> · {data.reference}</span>}
        </>
      );
    }
    case "tracking_updated": {
      const data = event.data as { courier?: string | null; trackingNumber?: string | null };
      return data.trackingNumber ? (
        <>
          {t("trackingSet", { courier: data.courier ? courierName(data.courier) : t("noCourier") })} · <span className="font-mono">{data.trackingNumber}</span>
        </>
      ) : (
        <>{data.courier ? t("trackingRemovedCourier", { courier: courierName(data.courier) }) : t("trackingRemoved")}</>
      );
    }
    case "order_edited": {
      const lines = editLines(event.data, {
        money,
        empty: t("edited.empty"),
        paid: t("edited.paid"),
        unpaid: t("edited.unpaid"),
        moreItems: (count) => t("edited.moreItems", { count }),
      });
      return (
        <>
          {t("edited.title")}
          {/* Lines, not a nested list: the history's items stay one per event for assistive tech. */}
          {lines.map((line) => (
            <span key={line.field} className="block text-slate-700">
              {t("edited.change", { field: t(`edited.fields.${editFieldKey(line.field)}`), before: line.before, after: line.after })}
            </span>
          ))}
        </>
      );
    }
    case "parcel_event": {
      const parcel = parcelEventDataOf(event.data);
      if (!parcel) return <>{t("other")}</>;
      const what = tParcels(`events.${parcel.event}`);
      return (
        <>
          {tParcels("byCarrier", { event: what, carrier: courierName(parcel.carrier) })}
          <span className="text-slate-500"> · {tParcels("carrierStatus", { status: parcel.carrierStatus })}</span>
          {parcel.unknownStatus && <span className="text-amber-800"> · {tParcels("unknownStatus", { event: what })}</span>}
          <span className="block text-xs text-slate-500">{tParcels("occurredAt", { time: formatDateTime(new Date(parcel.occurredAt), locale, timeZone) })}</span>
        </>
      );
    }
    case "automation_failed": {
      const data = event.data as { ruleId?: number; ruleName?: string; reason?: string };
      return (
        <span className="text-red-800">
          {t("automationFailed")}{" "}
          {data.ruleId ? (
            <Link href={`/admin/automations/${data.ruleId}/log`} className="font-medium underline">
              {data.ruleName ?? event.actorLabel}
            </Link>
          ) : (
            <span className="font-medium">{data.ruleName ?? event.actorLabel}</span>
          )}
          {data.reason && <span className="text-xs text-red-700"> ({t(`automationReasons.${automationReasonKey(data.reason)}`)})</span>}
        </span>
      );
    }
    case "notification_failed": {
      const data = event.data as { kind?: string; recipient?: string; attempts?: number; error?: string };
      return (
        <span className="text-red-800">
          {data.recipient
            ? t("notificationFailedTo", { kind: data.kind ?? "other", recipient: data.recipient, attempts: data.attempts ?? 1 })
            : t("notificationFailed")}
          {data.error && <span className="text-xs text-red-700"> · {data.error}</span>}
        </span>
      );
    }
    case "comment": {
      const document = documentOf(event.data);
      // A note written on the order page (lib/orders/notes.ts).
      if (!document && (event.data as { note?: boolean } | null)?.note) return <>{tNotes("historyLabel")}</>;
      if (!document) return <>{t("comment")}</>;
      const kind = tDocuments(`kinds.${document.kind!}`);
      if (document.action === "emailed") {
        return <>{document.to ? t("documentEmailedTo", { kind, number: document.number!, email: document.to }) : t("documentEmailed", { kind, number: document.number! })}</>;
      }
      return <>{t("documentIssued", { kind, number: document.number! })}</>;
    }
    default:
      return <>{t("other")}</>;
  }
}

const STATE_CLASS: Record<OrderNotification["state"], string> = {
  pending: "text-slate-600",
  sending: "text-slate-600",
  sent: "text-green-700",
  dead: "text-red-700",
  cancelled: "text-slate-600",
  skipped: "text-slate-600",
};

function Notifications({ items }: { items: OrderNotification[] }) {
  const t = useTranslations("order.history");
  return (
    // A group, not a nested list: the history's items stay one per event for assistive tech.
    <div role="group" className="mt-1 space-y-0.5 text-xs" aria-label={t("notifications")}>
      {items.map((n) => (
        <p key={n.id} className="text-slate-600">
          {t("notificationLine", { kind: n.kind, staff: n.audience === "admin" ? "yes" : "no", recipient: n.recipient })}{" "}
          <span className={`font-medium ${STATE_CLASS[n.state]}`}>{t(`states.${n.state}`)}</span>
          {n.state === "dead" && n.lastError && <span className="text-red-700"> · {n.lastError}</span>}
          {n.state === "skipped" && <span> · {t("skippedDuplicate")}</span>}
        </p>
      ))}
    </div>
  );
}

export function HistoryTimeline({
  entries,
  currency,
  notifications = [],
}: {
  entries: OrderHistoryEntry[];
  currency: string;
  notifications?: OrderNotification[];
}) {
  const t = useTranslations("order.history");
  const locale = useLocale();
  const timeZone = useTimeZone();
  const byEvent = new Map<number, OrderNotification[]>();
  for (const n of notifications) if (n.eventId !== null) (byEvent.get(n.eventId) ?? byEvent.set(n.eventId, []).get(n.eventId)!).push(n);
  return (
    <ol className="space-y-4" aria-label={t("list")}>
      {entries.map((entry) => {
        const { event } = entry;
        const sent = byEvent.get(event.id) ?? [];
        // A document's entry is worded from its facts; its stored comment repeats them in English.
        const comment = documentOf(event.data) ? null : event.comment;
        // The notification worker signs its entries as a system actor; name it in the reader's language.
        const actor = event.type === "notification_failed" && event.actorType === "system" ? t("notifications") : event.actorLabel;
        return (
          <li key={event.id} className="relative border-l-2 border-slate-200 pl-4">
            <span className="absolute top-1.5 -left-[5px] h-2 w-2 rounded-full bg-slate-400" aria-hidden="true" />
            <div className="text-sm text-slate-900">
              <Describe entry={entry} currency={currency} />
            </div>
            <div className="mt-0.5 text-xs text-slate-500">
              {formatDateTime(event.createdAt, locale, timeZone)} · {actor}
              {(event.actorType === "api" || event.actorType === "automation") && ` ${t(`actorTypes.${event.actorType}`)}`}
            </div>
            {comment && (
              <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm whitespace-pre-wrap text-slate-700">
                {comment}
                <span className={`ml-2 text-xs ${event.customerVisible ? "text-blue-700" : "text-slate-500"}`}>
                  {event.customerVisible ? t("visibleToCustomer") : t("internal")}
                </span>
              </p>
            )}
            {sent.length > 0 && <Notifications items={sent} />}
          </li>
        );
      })}
    </ol>
  );
}

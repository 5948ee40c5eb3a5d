import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { OrderHistoryEntry, OrderNotification } from "@/db/queries/orders";
import { formatDateTime, formatMoney } from "@/lib/format";

/** Why an automated action was refused, in words; the event's comment carries the details. */
const AUTOMATION_REASONS: Record<string, string> = {
  transition_not_allowed: "not allowed by the process",
  guard_failed: "blocked by a guard",
  depth_limit: "too many automated changes in a row",
  cycle: "rules going round in a circle",
  not_found: "something it refers to is missing",
  no_recipient: "nobody to send to",
  invalid_rule: "the rule is broken",
  error: "unexpected error",
};

function describe(entry: OrderHistoryEntry, currency: string) {
  const { event, from, to } = entry;
  switch (event.type) {
    case "created":
      return (
        <>
          Order created in {to && <StatusBadge name={to.name} colour={to.colour} />}
        </>
      );
    case "status_changed":
      return (
        <span className="inline-flex flex-wrap items-center gap-1.5">
          {from && <StatusBadge name={from.name} colour={from.colour} />}
          <span aria-label="to">→</span>
          {to && <StatusBadge name={to.name} colour={to.colour} />}
        </span>
      );
    case "payment_recorded": {
      const data = event.data as { amount?: number; paidAmount?: number; total?: number; fullyPaid?: boolean; reference?: string };
      return (
        <>
          Payment of {formatMoney(data.amount ?? 0, currency)} recorded
          {data.fullyPaid ? " — order paid in full" : ` (${formatMoney(data.paidAmount ?? 0, currency)} of ${formatMoney(data.total ?? 0, currency)})`}
          {data.reference && <span className="text-slate-500"> · {data.reference}</span>}
        </>
      );
    }
    case "tracking_updated": {
      const data = event.data as { courier?: string | null; trackingNumber?: string | null };
      return data.trackingNumber ? (
        <>
          Tracking set: {data.courier ?? "no courier"} · <span className="font-mono">{data.trackingNumber}</span>
        </>
      ) : (
        <>Tracking number removed{data.courier ? ` (courier ${data.courier})` : ""}</>
      );
    }
    case "automation_failed": {
      const data = event.data as { ruleId?: number; ruleName?: string; reason?: string };
      return (
        <span className="text-red-800">
          Automation failed:{" "}
          {data.ruleId ? (
            <Link href={`/admin/automations/${data.ruleId}/log`} className="font-medium underline">
              {data.ruleName ?? event.actorLabel}
            </Link>
          ) : (
            <span className="font-medium">{data.ruleName ?? event.actorLabel}</span>
          )}
          {data.reason && <span className="text-xs text-red-700"> ({AUTOMATION_REASONS[data.reason] ?? data.reason.replaceAll("_", " ")})</span>}
        </span>
      );
    }
    default:
      return <>{event.type.replaceAll("_", " ")}</>;
  }
}

const STATE_LABEL: Record<OrderNotification["state"], { text: string; className: string }> = {
  pending: { text: "queued", className: "text-slate-600" },
  sending: { text: "sending", className: "text-slate-600" },
  sent: { text: "sent", className: "text-green-700" },
  dead: { text: "failed", className: "text-red-700" },
};

function Notifications({ items }: { items: OrderNotification[] }) {
  return (
    // A group, not a nested list: the history's items stay one per event for assistive tech.
    <div role="group" className="mt-1 space-y-0.5 text-xs" aria-label="Notifications">
      {items.map((n) => {
        const state = STATE_LABEL[n.state];
        return (
          <p key={n.id} className="text-slate-600">
            {n.kind === "sms" ? "SMS" : n.kind === "email" ? "Email" : "Webhook"}
            {n.audience === "admin" ? " (staff)" : ""} to {n.recipient}: <span className={`font-medium ${state.className}`}>{state.text}</span>
            {n.state === "dead" && n.lastError && <span className="text-red-700"> · {n.lastError}</span>}
          </p>
        );
      })}
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
  const byEvent = new Map<number, OrderNotification[]>();
  for (const n of notifications) if (n.eventId !== null) (byEvent.get(n.eventId) ?? byEvent.set(n.eventId, []).get(n.eventId)!).push(n);
  return (
    <ol className="space-y-4" aria-label="Order history">
      {entries.map((entry) => {
        const sent = byEvent.get(entry.event.id) ?? [];
        return (
          <li key={entry.event.id} className="relative border-l-2 border-slate-200 pl-4">
            <span className="absolute top-1.5 -left-[5px] h-2 w-2 rounded-full bg-slate-400" aria-hidden="true" />
            <div className="text-sm text-slate-900">{describe(entry, currency)}</div>
            <div className="mt-0.5 text-xs text-slate-500">
              {formatDateTime(entry.event.createdAt)} · {entry.event.actorLabel}
              {(entry.event.actorType === "api" || entry.event.actorType === "automation") && ` (${entry.event.actorType})`}
            </div>
            {entry.event.comment && (
              <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm whitespace-pre-wrap text-slate-700">
                {entry.event.comment}
                <span className={`ml-2 text-xs ${entry.event.customerVisible ? "text-blue-700" : "text-slate-500"}`}>
                  {entry.event.customerVisible ? "(visible to customer)" : "(internal)"}
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

import Link from "next/link";
import { z } from "zod";
import { TemplateEditor } from "@/components/templates/template-editor";
import { cn } from "@/components/ui/cn";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import { getStatusForEditor, listStatusesByGroup } from "@/db/queries/workflow";
import { requirePageUser } from "@/lib/auth";
import { defaultTemplate } from "@/lib/notifications/default-templates";
import { LOCALES, listTemplatesOfStatus } from "@/lib/notifications/templates";
import { getSettings } from "@/lib/settings";
import { previewTemplateAction, saveTemplateAction } from "./actions";

export const metadata = { title: "Message templates" };

const KINDS = [
  { channel: "email", audience: "customer", title: "Customer email" },
  { channel: "sms", audience: "customer", title: "Customer SMS" },
  { channel: "email", audience: "admin", title: "Admin alert" },
] as const;

const LANGUAGE = { pl: "Polish", en: "English" } as const;

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageUser("admin");
  const params = z
    .object({ status: z.coerce.number().int().positive().optional().catch(undefined), locale: z.enum(LOCALES).catch("pl") })
    .parse(await searchParams);
  const db = await getDb();
  const [groups, settings] = await Promise.all([listStatusesByGroup({ db }), getSettings(db)]);
  const all = groups.flatMap((g) => g.statuses.filter((s) => !s.archivedAt));
  const selected = all.find((s) => s.id === params.status) ?? all[0];
  const [saved, editor] = selected
    ? await Promise.all([listTemplatesOfStatus(db, selected.id), getStatusForEditor({ db, code: selected.code })])
    : [[], undefined];
  const href = (status: number, locale: string) => `/admin/templates?status=${status}&locale=${locale}`;

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <nav aria-label="Statuses" className="space-y-4">
        <h1 className="text-2xl font-semibold">Messages</h1>
        {groups.map(({ group, statuses }) => (
          <div key={group.id}>
            <p className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">{group.name}</p>
            <ul className="space-y-1">
              {statuses
                .filter((s) => !s.archivedAt)
                .map((s) => (
                  <li key={s.id}>
                    <Link
                      href={href(s.id, params.locale)}
                      aria-current={s.id === selected?.id ? "page" : undefined}
                      className={cn("block rounded-md px-2 py-1 hover:bg-slate-100", s.id === selected?.id && "bg-blue-50")}
                    >
                      <StatusBadge name={s.name} colour={s.colour} />
                    </Link>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>
      {!selected ? (
        <p className="text-slate-600">Create statuses first: each status has its own messages.</p>
      ) : (
        <div className="space-y-4">
          <header className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <h2 className="text-xl font-semibold">{selected.name}</h2>
              <p className="text-sm text-slate-600">
                Sends: {[selected.notifyCustomerEmail && "customer email", selected.notifyCustomerSms && "customer SMS", selected.notifyAdminEmail && "admin alert"].filter(Boolean).join(", ") || "nothing (switch notifications on in the status editor)"}
              </p>
            </div>
            <div role="group" aria-label="Language" className="flex gap-1">
              {LOCALES.map((l) => (
                <Link
                  key={l}
                  href={href(selected.id, l)}
                  aria-current={l === params.locale ? "true" : undefined}
                  className={cn("rounded-md border px-3 py-1.5 text-sm", l === params.locale ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white")}
                >
                  {LANGUAGE[l]}
                </Link>
              ))}
            </div>
          </header>
          <section aria-labelledby="comment-templates" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <header className="flex items-center justify-between">
              <h3 id="comment-templates" className="text-sm font-semibold text-slate-800">
                Comment templates
              </h3>
              <Link href={`/admin/statuses/${encodeURIComponent(selected.code)}`} className="text-sm text-blue-700 hover:underline">
                Edit in the status editor →
              </Link>
            </header>
            {editor?.templates.length ? (
              <ul className="mt-2 space-y-1 text-sm">
                {editor.templates.map((t) => (
                  <li key={t.id}>
                    <span className="font-medium">{t.title}</span> <span className="text-slate-600">— {t.body}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-600">None yet: staff write their comments freely for this status.</p>
            )}
          </section>
          {KINDS.map((k) => {
            const own = saved.find((t) => t.channel === k.channel && t.audience === k.audience && t.locale === params.locale);
            const initial = own ?? defaultTemplate(k.channel, k.audience, params.locale);
            return (
              <TemplateEditor
                key={`${selected.id}-${k.channel}-${k.audience}-${params.locale}`}
                statusId={selected.id}
                channel={k.channel}
                audience={k.audience}
                locale={params.locale}
                title={`${k.title} · ${LANGUAGE[params.locale]}`}
                initial={{ subject: initial.subject, body: initial.body }}
                usesDefault={!own}
                prices={{ domestic: settings.smsPriceDomestic, foreign: settings.smsPriceForeign }}
                save={saveTemplateAction}
                preview={previewTemplateAction}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { TemplateEditor } from "@/components/templates/template-editor";
import { cn } from "@/components/ui/cn";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/db";
import { getStatusForEditor, listStatusesByGroup } from "@/db/queries/workflow";
import { requirePageUser } from "@/lib/auth";
import { nameIn } from "@/lib/i18n/name-in";
import { defaultTemplate } from "@/lib/notifications/default-templates";
import { LOCALES, listTemplatesOfStatus } from "@/lib/notifications/templates";
import { getSettings } from "@/lib/settings";
import { idSearchParam } from "@/lib/url-params";
import { previewTemplateAction, saveTemplateAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("templates");
  return { title: t("metaTitle") };
}

const KINDS = [
  { channel: "email", audience: "customer", kind: "customerEmail" },
  { channel: "sms", audience: "customer", kind: "customerSms" },
  { channel: "email", audience: "admin", kind: "adminAlert" },
] as const;

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageUser("admin");
  const params = z
    .object({ status: idSearchParam, locale: z.enum(LOCALES).catch("pl") })
    .parse(await searchParams);
  const db = await getDb();
  const [groups, settings, t, languageName, format, reader] = await Promise.all([
    listStatusesByGroup({ db }),
    getSettings(db),
    getTranslations("templates"),
    getTranslations("common.languageNames"),
    getFormatter(),
    getLocale(),
  ]);
  const all = groups.flatMap((g) => g.statuses.filter((s) => !s.archivedAt));
  const selected = all.find((s) => s.id === params.status) ?? all[0];
  const [saved, editor] = selected
    ? await Promise.all([listTemplatesOfStatus(db, selected.id), getStatusForEditor({ db, code: selected.code })])
    : [[], undefined];
  const href = (status: number, locale: string) => `/admin/templates?status=${status}&locale=${locale}`;
  const sends = selected
    ? [
        selected.notifyCustomerEmail && t("sendsKinds.customerEmail"),
        selected.notifyCustomerSms && t("sendsKinds.customerSms"),
        selected.notifyAdminEmail && t("sendsKinds.adminAlert"),
      ].filter((kind): kind is string => Boolean(kind))
    : [];

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <nav aria-label={t("statusesNav")} className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        {groups.map(({ group, statuses }) => (
          <div key={group.id}>
            <p className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">{nameIn(group, reader)}</p>
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
                      <StatusBadge name={nameIn(s, reader)} colour={s.colour} />
                    </Link>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>
      {!selected ? (
        <p className="text-slate-600">{t("noStatuses")}</p>
      ) : (
        <div className="min-w-0 space-y-4">
          <header className="flex flex-wrap items-center justify-between gap-3">
            <div className="min-w-0">
              <h2 className="text-xl font-semibold">{nameIn(selected, reader)}</h2>
              <p className="text-sm text-slate-600">{sends.length ? t("sends", { channels: format.list(sends, { type: "conjunction" }) }) : t("sendsNothing")}</p>
            </div>
            <div role="group" aria-label={t("language")} className="flex gap-1">
              {LOCALES.map((l) => (
                <Link
                  key={l}
                  href={href(selected.id, l)}
                  aria-current={l === params.locale ? "true" : undefined}
                  className={cn("rounded-md border px-3 py-1.5 text-sm", l === params.locale ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white")}
                >
                  {languageName(l)}
                </Link>
              ))}
            </div>
          </header>
          <section aria-labelledby="comment-templates" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <header className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
              <h3 id="comment-templates" className="text-sm font-semibold text-slate-800">
                {t("commentTemplates")}
              </h3>
              <Link href={`/admin/statuses/${encodeURIComponent(selected.code)}`} className="text-sm text-blue-700 hover:underline">
                {t("editInStatusEditor")}
              </Link>
            </header>
            {editor?.templates.length ? (
              <ul className="mt-2 space-y-1 text-sm">
                {editor.templates.map((template) => (
                  <li key={template.id}>
                    <span className="font-medium">{template.title}</span> <span className="text-slate-600">— {template.body}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-600">{t("noCommentTemplates")}</p>
            )}
          </section>
          {KINDS.map((k) => {
            const own = saved.find((s) => s.channel === k.channel && s.audience === k.audience && s.locale === params.locale);
            const initial = own ?? defaultTemplate(k.channel, k.audience, params.locale);
            return (
              <TemplateEditor
                key={`${selected.id}-${k.channel}-${k.audience}-${params.locale}`}
                statusId={selected.id}
                channel={k.channel}
                audience={k.audience}
                locale={params.locale}
                title={t("editorTitle", { kind: t(`kinds.${k.kind}`), language: languageName(params.locale) })}
                initial={{ subject: initial.subject, body: initial.body, smsTransliterate: own?.smsTransliterate ?? null }}
                usesDefault={!own}
                prices={{ domestic: settings.smsPriceDomestic, foreign: settings.smsPriceForeign }}
                shopTransliterates={settings.smsTransliterate}
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

import { getTranslations } from "next-intl/server";
import type { AuditEntry } from "@/db/schema";
import { changesOf, type FieldChange, type ShownValue } from "@/lib/audit/changes";
import { formatDateTime } from "@/lib/format";
import { audit } from "@/lib/i18n/catalogue/audit";
import { isLocale } from "@/lib/i18n/locales";

type Texts = typeof audit.en;
/** A template's channel, audience and language say which message it is: part of its subject, never a change. */
const TEMPLATE_IDENTITY = ["channel", "audience", "locale"];
const isKey = <T extends object>(texts: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(texts, key);

/**
 * One entry: when (shop time zone, reader's language), who, what, about what, and what changed,
 * worked out from the stored before and after as it is shown.
 */
export async function AuditEntryRow({ entry, locale, timeZone }: { entry: AuditEntry; locale: string; timeZone: string }) {
  const [t, languageName] = await Promise.all([getTranslations("audit"), getTranslations("common.languageNames")]);
  const value = (shown: ShownValue | undefined) => {
    if (!shown || shown.type === "empty") return <span className="text-slate-500">{t("none")}</span>;
    if (shown.type === "boolean") return <span>{shown.value ? t("yes") : t("no")}</span>;
    return <span title={shown.full === shown.text ? undefined : shown.full}>{shown.text}</span>;
  };
  const fieldName = (field: string) => (isKey<Texts["fields"]>(audit.en.fields, field) ? t(`fields.${field}`) : field);
  const logo = (change: FieldChange) => {
    if (change.type !== "value") return null;
    const had = change.before && change.before.type !== "empty";
    const has = change.after && change.after.type !== "empty";
    if (had && has) return t("logoChanged");
    return has ? t("logoAdded") : t("logoRemoved");
  };
  // Fields in the catalogue's order (a record's own order is lost in jsonb), unknown ones after.
  const order = Object.keys(audit.en.fields);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const snapshot = entry.after ?? entry.before ?? {};
  const identifying = entry.kind === "template" ? TEMPLATE_IDENTITY : [];
  const changes = changesOf(entry.before ?? null, entry.after ?? null)
    .filter((change) => !identifying.includes(change.field))
    .sort((a, b) => rank(a.field) - rank(b.field));
  const kind = isKey<Texts["kinds"]>(audit.en.kinds, entry.kind) ? t(`kinds.${entry.kind}`) : entry.kind;
  const action = isKey<Texts["actions"]>(audit.en.actions, entry.action) ? t(`actions.${entry.action}`) : entry.action;
  const templateMessage = `${String(snapshot.audience)}_${String(snapshot.channel)}`;
  const language = String(snapshot.locale);
  const subject =
    (entry.kind === "template" && isKey<Texts["templateMessages"]>(audit.en.templateMessages, templateMessage)
      ? t("templateSubject", {
          status: entry.subjectLabel,
          message: t(`templateMessages.${templateMessage}`),
          language: isLocale(language) ? languageName(language) : language,
        })
      : entry.subjectLabel) ||
    (entry.action === "reordered" && isKey<Texts["orderOf"]>(audit.en.orderOf, entry.kind) ? t(`orderOf.${entry.kind}`) : "");

  return (
    <tr data-testid="audit-entry">
      <td className="px-4 py-2.5 whitespace-nowrap text-slate-700">
        <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, locale, timeZone)}</time>
      </td>
      <td className="px-4 py-2.5">
        <div className="font-medium">{entry.actorType === "system" && !entry.actorLabel ? t("actorTypes.system") : entry.actorLabel}</div>
        <div className="text-xs text-slate-600">{t(`actorTypes.${entry.actorType}`)}</div>
      </td>
      <td className="px-4 py-2.5">
        <div className="font-medium">{kind}</div>
        <div className="text-xs text-slate-600">{action}</div>
      </td>
      <td className="max-w-xs px-4 py-2.5 break-words">{subject}</td>
      <td className="px-4 py-2.5">
        {entry.kind === "carrier_receiver" ? (
          <span className="text-slate-600">{t("receiverAddressIssued")}</span>
        ) : entry.action === "secret_rotated" ? (
          <span className="text-slate-600">{t("secretRotated")}</span>
        ) : changes.length === 0 ? (
          <span className="text-slate-500">{t("noDetails")}</span>
        ) : (
          <ul className="space-y-1">
            {changes.map((change) => (
              <li key={change.field} className="break-words">
                <span className="font-medium text-slate-700">{fieldName(change.field)}</span>
                {": "}
                {change.field === "logo" && entry.kind === "settings" ? (
                  <span>{logo(change)}</span>
                ) : change.type === "list" ? (
                  <span>
                    {change.added.length > 0 && (
                      <span className="text-green-800">
                        {t("added")} {change.added.join(", ")}
                      </span>
                    )}
                    {change.added.length > 0 && change.removed.length > 0 && "; "}
                    {change.removed.length > 0 && (
                      <span className="text-red-800">
                        {t("removed")} {change.removed.join(", ")}
                      </span>
                    )}
                  </span>
                ) : change.before && change.after ? (
                  <span>
                    <del className="text-red-800 decoration-red-400">{value(change.before)}</del>
                    {" → "}
                    <ins className="text-green-800 no-underline">{value(change.after)}</ins>
                  </span>
                ) : (
                  value(change.before ?? change.after)
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

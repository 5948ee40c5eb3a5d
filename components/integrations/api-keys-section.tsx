import { type ActionResult, type FormAction } from "@/lib/action-result";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ApiKeysCreate } from "./api-keys-create";
import { ApiKeysTable } from "./api-keys-table";
import type { ApiKeyRow } from "./api-keys-types";

type Props = {
  keys: ApiKeyRow[];
  createAction: FormAction<{ secret: string }>;
  revokeAction: (input: { id: number }) => Promise<ActionResult>;
};

/** The API keys part of /admin/integrations: create, list, revoke. */
export function ApiKeysSection({ keys, createAction, revokeAction }: Props) {
  const t = useTranslations("integrations.keys");
  return (
    <Card title={t("title")}>
      <div className="space-y-5">
        <p className="text-sm text-slate-600">
          {t.rich("intro", {
            header: "Authorization: Bearer <key>",
            link: (chunks) => (
              <Link href="/api/docs" className="text-blue-700 underline">
                {chunks}
              </Link>
            ),
            code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code>,
          })}
        </p>
        <ApiKeysCreate action={createAction} />
        <ApiKeysTable keys={keys} revokeAction={revokeAction} />
      </div>
    </Card>
  );
}

import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { ActionState } from "@/lib/action-state";
import { ApiKeysCreate } from "./api-keys-create";
import { ApiKeysTable } from "./api-keys-table";
import type { ApiKeyRow, CreateApiKeyState } from "./api-keys-types";

type Props = {
  keys: ApiKeyRow[];
  createAction: (state: CreateApiKeyState, formData: FormData) => Promise<CreateApiKeyState>;
  revokeAction: (id: number) => Promise<ActionState>;
};

/** The API keys part of /admin/integrations: create, list, revoke. */
export function ApiKeysSection({ keys, createAction, revokeAction }: Props) {
  return (
    <Card title="API keys">
      <div className="space-y-5">
        <p className="text-sm text-slate-600">
          Keys let an ERP, a marketplace connector or a script use the{" "}
          <Link href="/api/docs" className="text-blue-700 underline">
            REST API
          </Link>{" "}
          with <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;key&gt;</code>. Give each system its own key, with
          the smallest scope it needs.
        </p>
        <ApiKeysCreate action={createAction} />
        <ApiKeysTable keys={keys} revokeAction={revokeAction} />
      </div>
    </Card>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Field, inputClasses } from "@/components/admin/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionReply, ActionResult } from "@/lib/action-result";
import { useRoleReplyText } from "./role-reply";

type Props = { action: (input: { name: string }) => Promise<ActionResult<{ id: number; name: string }>> };

/** A name in, and on to the new role's editor, where its rights are granted. */
export function CreateRoleForm({ action }: Props) {
  const t = useTranslations("roles.create");
  const replyText = useRoleReplyText();
  const router = useRouter();
  const [name, setName] = useState("");
  const [reply, setReply] = useState<ActionReply>(null);
  const [pending, startTransition] = useTransition();
  const refused = reply && !reply.ok ? replyText(reply) : undefined;

  return (
    <form
      className="grid gap-3 md:grid-cols-[1fr_auto] md:items-end"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await action({ name });
          setReply(result);
          if (result.ok) router.push(`/admin/roles/${result.value.id}?created=1`);
        });
      }}
    >
      <Field label={t("name")} hint={t("hint")} errors={refused ? [refused] : undefined}>
        {(field) => (
          <input {...field} name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder={t("namePlaceholder")} maxLength={60} className={inputClasses} />
        )}
      </Field>
      <div className="pb-5">
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("submit")}
        </Button>
      </div>
      {reply?.ok && <Alert tone="success" className="md:col-span-2">{replyText(reply)}</Alert>}
    </form>
  );
}

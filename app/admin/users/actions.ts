"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { changeRole, disableUser, enableUser, inviteUser, requirePasswordReset, resendInvitation, revokeInvitation } from "@/lib/accounts/people";
import { emailSchema, nameSchema } from "@/lib/accounts/rules";
import { actorOf, serverAction } from "@/lib/auth";
import { ok } from "@/lib/result";

const revalidate = () => revalidatePath("/admin/users");
const person = z.object({ id: z.coerce.number().int().positive() });
const roleId = z.coerce.number({ message: "role" }).int("role").positive("role");

/** Creates the person and emails them a one-time link to set their password (7 days). */
export const inviteUserAction = serverAction({
  role: "admin",
  schema: z.object({ email: emailSchema, name: nameSchema, roleId }),
  handler: async (input, user) => {
    const invited = await inviteUser(await getDb(), { ...input, actor: actorOf(user) });
    return invited.ok ? ok({ email: invited.value.user.email }) : invited;
  },
  revalidate,
  message: ({ email }, _, t) => t("accounts.done.invited", { email }),
});

export const resendInvitationAction = serverAction({
  role: "admin",
  schema: person,
  handler: async ({ id }, user) => {
    const sent = await resendInvitation(await getDb(), { userId: id, actor: actorOf(user) });
    return sent.ok ? ok({ email: sent.value.user.email }) : sent;
  },
  revalidate,
  message: ({ email }, _, t) => t("accounts.done.resent", { email }),
});

export const revokeInvitationAction = serverAction({
  role: "admin",
  schema: person,
  handler: async ({ id }, user) => {
    const revoked = await revokeInvitation(await getDb(), { userId: id, actor: actorOf(user) });
    return revoked.ok ? ok({ email: revoked.value.user.email }) : revoked;
  },
  revalidate,
  message: ({ email }, _, t) => t("accounts.done.revoked", { email }),
});

/** Another role for a person; their sessions end, so they sign in again under it. */
export const changeRoleAction = serverAction({
  role: "admin",
  schema: person.extend({ roleId }),
  handler: async ({ id, roleId }, user) => {
    const changed = await changeRole(await getDb(), { userId: id, roleId, actor: actorOf(user) });
    return changed.ok ? ok({ name: changed.value.user.name, changed: changed.value.changed }) : changed;
  },
  revalidate,
  message: ({ name, changed }, _, t) => (changed ? t("accounts.done.roleChanged", { name }) : t("accounts.done.roleUnchanged")),
});

/** Signs the person out at their next request and stops their links; the last active admin is refused. */
export const disableUserAction = serverAction({
  role: "admin",
  schema: person,
  handler: async ({ id }, user) => {
    const disabled = await disableUser(await getDb(), { userId: id, actor: actorOf(user) });
    return disabled.ok ? ok({ name: disabled.value.user.name }) : disabled;
  },
  revalidate,
  message: ({ name }, _, t) => t("accounts.done.disabled", { name }),
});

export const enableUserAction = serverAction({
  role: "admin",
  schema: person,
  handler: async ({ id }, user) => {
    const enabled = await enableUser(await getDb(), { userId: id, actor: actorOf(user) });
    return enabled.ok ? ok({ name: enabled.value.user.name }) : enabled;
  },
  revalidate,
  message: ({ name }, _, t) => t("accounts.done.enabled", { name }),
});

/** Clears the password, ends the sessions and emails a reset link; the last active admin is refused. */
export const requirePasswordResetAction = serverAction({
  role: "admin",
  schema: person,
  handler: async ({ id }, user) => {
    const required = await requirePasswordReset(await getDb(), { userId: id, actor: actorOf(user) });
    return required.ok ? ok({ name: required.value.user.name }) : required;
  },
  revalidate,
  message: ({ name }, _, t) => t("accounts.done.resetRequired", { name }),
});

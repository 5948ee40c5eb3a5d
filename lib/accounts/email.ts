import type { DbOrTx } from "@/db";
import { outbox, settings as settingsTable, type User } from "@/db/schema";
import { sealLink, type AccountEmailKind, type AccountEmailPayload } from "@/lib/notifications/account-email";
import { hashToken } from "./tokens";

/** The page a one-time link opens: `${appUrl}/password/<token>`. */
export function passwordLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/password/${token}`;
}

async function shopOf(tx: DbOrTx): Promise<{ appUrl: string; staffLocale: string }> {
  const [row] = await tx.select({ appUrl: settingsTable.appUrl, staffLocale: settingsTable.staffLocale }).from(settingsTable).limit(1);
  // Before an admin saved the settings the defaults hold (lib/settings.ts).
  return row ?? { appUrl: "http://localhost:3000", staffLocale: "pl" };
}

/**
 * Queues an invitation or password email in the caller's transaction (no order: `orderId` null),
 * in the person's language, else the shop's staff language. The worker renders and sends it
 * (lib/notifications/account-email.ts): Resend in production, the dev mailbox otherwise.
 */
export async function queueAccountEmail(
  tx: DbOrTx,
  input: { user: Pick<User, "id" | "email" | "name" | "locale">; kind: AccountEmailKind; token: string; expiresAt: Date; invitedBy?: string },
): Promise<void> {
  const shop = await shopOf(tx);
  const locale = (input.user.locale ?? shop.staffLocale) === "en" ? "en" : "pl";
  const payload: AccountEmailPayload = {
    template: { account: input.kind },
    locale,
    name: input.user.name,
    ...(input.invitedBy ? { invitedBy: input.invitedBy } : {}),
    sealedLink: sealLink(passwordLink(shop.appUrl, input.token)),
    expiresAt: input.expiresAt.toISOString(),
  };
  await tx.insert(outbox).values({
    kind: "email",
    orderId: null,
    recipient: input.user.email,
    payload,
    // One email per link: the hash's start names the token without revealing it.
    idempotencyKey: `account:${input.user.id}:${input.kind}:${hashToken(input.token).slice(0, 24)}`,
  });
}

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { changeOwnName, changeOwnPassword } from "@/lib/accounts/passwords";
import { nameSchema, newPasswordPairSchema, PASSWORD_MAX_LENGTH } from "@/lib/accounts/rules";
import { auth, serverAction } from "@/lib/auth";

/** Each person changes only their own name. */
export const changeMyNameAction = serverAction({
  role: "staff",
  schema: z.object({ name: nameSchema }),
  handler: async ({ name }, user) => changeOwnName(await getDb(), { userId: user.id, name }),
  // The header shows the name on every screen.
  revalidate: () => revalidatePath("/", "layout"),
  message: (_, __, t) => t("accounts.done.nameChanged"),
});

/** Each person changes only their own password, with the current one; their other browsers are signed out. */
export const changeMyPasswordAction = serverAction({
  role: "staff",
  schema: z.intersection(z.object({ currentPassword: z.string().min(1, "currentPassword").max(PASSWORD_MAX_LENGTH, "currentPassword") }), newPasswordPairSchema),
  handler: async (input, user) => {
    const session = await auth();
    return changeOwnPassword(await getDb(), {
      userId: user.id,
      currentPassword: input.currentPassword,
      newPassword: input.password,
      keepSessionId: session?.sessionId,
    });
  },
  message: ({ sessionsEnded }, _, t) => t("accounts.done.passwordChanged", { count: sessionsEnded }),
});

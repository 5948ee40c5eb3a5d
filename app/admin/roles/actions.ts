"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { actorOf, serverAction } from "@/lib/auth";
import { ok } from "@/lib/result";
import { createRole, deleteRole, roleUpdateSchema, updateRole } from "@/lib/roles/roles";

const revalidate = () => revalidatePath("/admin/roles", "layout");
const roleId = z.number().int().positive();

/** A new role of the shop's own, with nothing granted yet; the screen opens it for editing. */
export const createRoleAction = serverAction({
  role: "admin",
  schema: z.object({ name: z.string().max(200) }),
  handler: async (input, user) => {
    const result = await createRole(await getDb(), input, actorOf(user));
    return result.ok ? ok({ id: result.value.id, name: result.value.name }) : result;
  },
  revalidate,
  message: ({ name }, _, t) => t("roles.done.created", { name }),
});

export const updateRoleAction = serverAction({
  role: "admin",
  schema: roleUpdateSchema.extend({ id: roleId }),
  handler: async ({ id, ...input }, user) => {
    const result = await updateRole(await getDb(), id, input, actorOf(user));
    return result.ok ? ok({ id: result.value.id }) : result;
  },
  revalidate,
  message: (_value, _input, t) => t("roles.done.saved"),
});

export const deleteRoleAction = serverAction({
  role: "admin",
  schema: z.object({ id: roleId }),
  handler: async ({ id }, user) => {
    const result = await deleteRole(await getDb(), id, actorOf(user));
    return result.ok ? ok({ name: result.value.name }) : result;
  },
  revalidate,
  message: ({ name }, _, t) => t("roles.done.deleted", { name }),
});

import type { CreateReturnInput } from "./create-return";

/** The tracking page's form field that carries a line's quantity: `qty:<sku>`. */
export const QUANTITY_FIELD_PREFIX = "qty:";

/**
 * The tracking page's return form as `createReturn` takes it (less the parent and the actor).
 * Lines left at 0 or blank are not picked; anything not a whole number is passed on for the
 * service to refuse as a quantity.
 */
export function readReturnForm(form: FormData): Pick<CreateReturnInput, "kind" | "items" | "reason" | "description"> {
  const items: { sku: string; quantity: number }[] = [];
  for (const [name, value] of form.entries()) {
    if (!name.startsWith(QUANTITY_FIELD_PREFIX) || typeof value !== "string" || value.trim() === "" || value.trim() === "0") continue;
    items.push({ sku: name.slice(QUANTITY_FIELD_PREFIX.length), quantity: Number(value) });
  }
  const text = (field: string) => (typeof form.get(field) === "string" ? (form.get(field) as string) : "");
  const kind = text("kind") === "complaint" ? "complaint" : "return";
  const reason = text("reason");
  return {
    kind,
    items,
    // Checked against the list by the service; a complaint takes none.
    reason: kind === "return" && reason ? (reason as CreateReturnInput["reason"]) : null,
    description: text("description"),
  };
}

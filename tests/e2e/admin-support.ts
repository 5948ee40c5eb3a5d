import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const uid = () => randomBytes(3).toString("hex");

/** dnd-kit's keyboard sensor needs a beat between key presses to measure and move. */
export const dndPause = (page: Page) => page.waitForTimeout(300);

export async function createGroup(page: Page, name: string, kind: "New" | "In progress" | "Not completed (closes the order)") {
  await page.goto("/admin/statuses");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add group" }) });
  await form.getByLabel("Group name").fill(name);
  await form.getByLabel("Kind").selectOption({ label: kind });
  await form.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByText(`Group ${name} created.`)).toBeVisible();
  await expect(page.getByRole("region", { name: `Group ${name}` })).toBeVisible();
}

export async function createStatus(
  page: Page,
  status: { name: string; code: string; group: string; awaitsPayment?: boolean },
) {
  await page.goto("/admin/statuses/new");
  await page.getByLabel("Name", { exact: true }).fill(status.name);
  await page.getByLabel("Code", { exact: true }).fill(status.code);
  await page.getByLabel("Group", { exact: true }).selectOption({ label: status.group });
  if (status.awaitsPayment) await page.getByLabel("Asks the customer to pay").check();
  await page.getByRole("button", { name: "Create status" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/statuses/${status.code}\\?saved=1$`));
  await expect(page.getByText("Status saved.")).toBeVisible();
}

/**
 * A document that mentions only the test's own group, statuses and order type: importing it
 * leaves everything else (the demo types other specs use) as it is.
 */
export function ownDocument(
  id: string,
  patch: { colour?: string; transitions?: [string, string][]; withoutOrderType?: boolean; polishNames?: boolean } = {},
) {
  // With `polishNames`, a Polish screen calls them Początek, Płatność, Koniec and "Typ IO".
  const inPolish = (name: string) => (patch.polishNames ? { translations: { pl: { name: `${name} ${id}` } } } : {});
  const polish: Record<string, string> = { start: "Początek", pay: "Płatność", stop: "Koniec" };
  const status = (code: string, name: string, extra: object = {}) => ({
    code: `${code}_${id}`,
    name: `${name} ${id}`,
    customerLabel: null,
    colour: patch.colour ?? "#0f766e",
    group: code === "stop" ? `io_closed_${id}` : `io_open_${id}`,
    ...inPolish(polish[code]!),
    ...extra,
  });
  return {
    format: "orderly.workflow",
    version: 1,
    groups: [
      { key: `io_open_${id}`, name: `IO open ${id}`, colour: "#1d4ed8", kind: "new" },
      { key: `io_closed_${id}`, name: `IO closed ${id}`, colour: "#4b5563", kind: "not_completed" },
    ],
    statuses: [status("start", "Start"), status("pay", "Pay", { awaitsPayment: true }), status("stop", "Stop")],
    orderTypes: patch.withoutOrderType
      ? []
      : [
      {
        code: `io_${id}`,
        name: `IO ${id}`,
        ...inPolish("Typ IO"),
        initialStatus: `start_${id}`,
        transitions: patch.transitions ?? [
          [`start_${id}`, `pay_${id}`],
          [`pay_${id}`, `stop_${id}`],
        ],
      },
    ],
  };
}

/** Imports the test's own groups and statuses (Start, Pay asking for payment, Stop closed). */
export async function importOwnStatuses(page: Page, id: string) {
  await importDocument(page, ownDocument(id, { withoutOrderType: true }));
  await page.getByRole("button", { name: "Apply import" }).click();
  await page.getByRole("button", { name: "Apply all changes" }).click();
  await expect(page.getByText("Imported.")).toBeVisible();
  return { start: `Start ${id}`, pay: `Pay ${id}`, stop: `Stop ${id}` };
}

export async function importDocument(page: Page, doc: object) {
  await page.goto("/admin/workflow-io");
  await page.getByLabel(/^(Workflow document|Dokument procesu) \(JSON\)$/).setInputFiles({ name: "workflow.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
}


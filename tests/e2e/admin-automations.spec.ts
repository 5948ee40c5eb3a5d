import { expect, test, type Page } from "@playwright/test";
import { dndPause, uid } from "./admin-support";
import { ADMIN, openOrder, signIn } from "./support";

test.beforeEach(async ({ page }) => {
  // Each test walks several pages (editor, list, order, log): more than the default budget on a
  // shared two-core machine under load.
  test.setTimeout(180_000);
  await signIn(page, ADMIN);
});

async function startRule(page: Page, name: string) {
  await page.goto("/admin/automations/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Trigger").selectOption({ label: "An order enters a status" });
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Awaiting payment (awaiting_payment)" });
}

test("build a rule, dry-run it on an order, then watch it fire on a real change", async ({ page }) => {
  const name = `COD skips the wait ${uid()}`;
  await startRule(page, name);
  await page.getByLabel("Sales channels").fill("e2e-auto");
  await page.getByLabel("Payment methods").fill("cod");
  const first = page.getByTestId("action-0");
  await first.getByLabel("New status").selectOption({ label: "In progress (in_progress)" });
  await page.getByRole("button", { name: "Add an action" }).click();
  const second = page.getByTestId("action-1");
  await second.getByLabel("Action type").selectOption({ label: "Add a comment" });
  await second.getByLabel("Comment").fill("Cash on delivery: {{orderNumber}} goes straight to packing.");
  await second.getByLabel("Visible to the customer").check();
  await page.getByRole("button", { name: "Add an action" }).click();
  await page.getByTestId("action-2").getByLabel("Action type").selectOption({ label: "Attach a pro-forma, invoice or correction invoice PDF" });
  await page.getByTestId("action-2").getByLabel("Document").selectOption({ label: "Pro-forma" });
  await expect(page.getByTestId("rule-sentence")).toHaveText(
    "When an order enters Awaiting payment and it came from e2e-auto and it is paid by cod, set the status to In progress, add a customer-visible comment “Cash on delivery: {{orderNumber}} goes straight to packing.” and then attach a pro-forma.",
  );
  await page.getByRole("button", { name: "Create rule" }).click();

  await expect(page).toHaveURL(/\/admin\/automations$/);
  const row = page.getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText("When an order enters Awaiting payment");

  // Dry run on an order already in Awaiting payment: the rule fires, nothing changes.
  await page.getByLabel("Order number").fill("E2E-AUTO-DRY");
  await page.getByLabel("Trigger").selectOption({ label: "As if it had just entered its current status" });
  await page.getByRole("button", { name: "Dry run" }).click();
  const result = page.getByRole("region", { name: "Dry run result" });
  await expect(result).toContainText("Nothing was changed. E2E-AUTO-DRY: Awaiting payment → would end in In progress.");
  const mine = result.getByTestId("dry-run-rule").filter({ hasText: name });
  await expect(mine).toContainText("fires");
  await expect(mine).toContainText("Would: Status set to In progress");
  await expect(mine).toContainText("Cash on delivery: E2E-AUTO-DRY goes straight to packing.");
  await expect(mine).toContainText(/Pro-forma .+ attached/);
  await openOrder(page, "E2E-AUTO-DRY");
  await expect(page.locator("header").getByText("Awaiting payment")).toBeVisible();

  // The real change on the order page: the rule moves the order on, as itself.
  await openOrder(page, "E2E-AUTO-LIVE");
  await page.getByRole("button", { name: "Awaiting payment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "changed" })).toBeVisible();
  await expect(page.locator("header").getByText("In progress")).toBeVisible();
  const history = page.getByRole("list", { name: "Order history" });
  const newestChange = history.getByRole("listitem").filter({ hasText: "In progress" }).filter({ hasText: name }).first();
  await expect(newestChange).toContainText("Awaiting payment");
  await expect(newestChange).toContainText(`${name} (automation)`);
  await expect(history).toContainText("Cash on delivery: E2E-AUTO-LIVE goes straight to packing.");

  // The pro-forma the rule attached is on the order and downloads as a PDF.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Download Pro-forma .+ \(PDF\)$/ }).click();
  const pdf = await downloading;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);

  // Its log lists the run with a link to the order.
  await page.goto("/admin/automations");
  await page.getByRole("listitem").filter({ hasText: name }).getByRole("link", { name: "Log" }).click();
  await expect(page.getByRole("heading", { name: `Log: ${name}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "E2E-AUTO-LIVE" })).toContainText("done");
});

test("a refused action shows on the order as a failed automation linked to the rule's log", async ({ page }) => {
  const name = `Impossible jump ${uid()}`;
  await startRule(page, name);
  await page.getByLabel("Sales channels").fill("e2e-auto-fail");
  await page.getByTestId("action-0").getByLabel("New status").selectOption({ label: "Completed (completed)" });
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page).toHaveURL(/\/admin\/automations$/);

  await openOrder(page, "E2E-AUTO-FAIL");
  await page.getByRole("button", { name: "Awaiting payment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "changed" })).toBeVisible();
  // The person's change stands; the rule's refusal is on the record.
  await expect(page.locator("header").getByText("Awaiting payment")).toBeVisible();
  const failed = page.getByRole("list", { name: "Order history" }).getByRole("listitem").filter({ hasText: "Automation failed" });
  await expect(failed).toContainText("not allowed by the process");
  await failed.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name: `Log: ${name}` })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "E2E-AUTO-FAIL" })).toContainText("failed");
});

test("delete asks first, and presets say which statuses they need", async ({ page }) => {
  const name = `Short-lived ${uid()}`;
  await startRule(page, name);
  await page.getByLabel("Sales channels").fill("nobody-uses-this");
  await page.getByTestId("action-0").getByLabel("Action type").selectOption({ label: "Add a comment" });
  await page.getByTestId("action-0").getByLabel("Comment").fill("Hi {{orderNumbr}}");
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByText("Unknown variable {{orderNumbr}}: did you mean {{orderNumber}}?")).toBeVisible();
  await page.getByTestId("action-0").getByLabel("Comment").fill("Hi {{orderNumber}}");
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page).toHaveURL(/\/admin\/automations$/);

  const row = page.getByRole("listitem").filter({ hasText: name });
  await row.getByRole("button", { name: "Delete" }).click();
  await row.getByRole("button", { name: "Delete rule" }).click();
  await expect(page.getByText("Rule deleted.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);

  await expect(page.getByTestId("preset-complete_on_delivery")).toContainText("Needs a status this shop does not have: delivered");
  await expect(page.getByRole("button", { name: "Add rule: Paid transfers go to fulfilment" })).toBeEnabled();
});

test("rules reorder with the keyboard and keep their order after a reload", async ({ page }) => {
  const tag = uid();
  for (const name of [`First ${tag}`, `Second ${tag}`]) {
    await startRule(page, name);
    await page.getByLabel("Sales channels").fill("nobody-uses-this");
    await page.getByTestId("action-0").getByLabel("Action type").selectOption({ label: "Add a comment" });
    await page.getByTestId("action-0").getByLabel("Comment").fill("noop");
    await page.getByRole("button", { name: "Create rule" }).click();
    await expect(page).toHaveURL(/\/admin\/automations$/);
  }
  const rules = page.getByRole("list", { name: "Rules, in the order they run" }).locator(":scope > li");
  const indexOf = async (name: string) => (await rules.allInnerTexts()).findIndex((text) => text.includes(name));
  const before = await indexOf(`Second ${tag}`);
  expect(before).toBeGreaterThan(await indexOf(`First ${tag}`));

  const handle = page.getByRole("button", { name: `Move rule Second ${tag}` });
  await handle.focus();
  await page.keyboard.press("Space");
  await dndPause(page);
  await page.keyboard.press("ArrowUp");
  await dndPause(page);
  await page.keyboard.press("Space");
  await expect(page.getByText("Order saved: rules run top to bottom.")).toBeVisible();
  expect(await indexOf(`Second ${tag}`)).toBe(before - 1);
  await page.reload();
  await expect(rules.first()).toBeVisible();
  expect(await indexOf(`Second ${tag}`)).toBe(before - 1);
});

import { expect, test } from "@playwright/test";
import { STAFF, holdLiveUpdates, openOrder, signIn } from "./support";

test.beforeEach(async ({ page }) => {
  await signIn(page, STAFF);
});

test("bulk change of 20 orders: progress, then a report per order; refusals leave the others changed", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // The list must stay as loaded, so E2E-BULK-20 is stale when the bulk change runs.
  await holdLiveUpdates(page);
  await page.goto("/orders?q=E2E-BULK-&sort=number&dir=asc");
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(20);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, STAFF);
  await openOrder(otherPage, "E2E-BULK-20");
  await otherPage.getByRole("button", { name: "Awaiting payment" }).click();
  await expect(otherPage.getByRole("status").filter({ hasText: "changed" })).toBeVisible();
  await other.close();

  await page.getByLabel("Select all orders on this page").check();
  await expect(page.getByText("20 selected")).toBeVisible();
  await page.getByRole("button", { name: "Change status of selected" }).click();

  const dialog = page.getByRole("dialog", { name: "Change status of 20 orders" });
  await dialog.getByLabel("New status").selectOption({ label: "In progress" });
  await dialog.getByLabel("Comment template").selectOption({ label: "Packing started" });
  await dialog.getByLabel("Send SMS").uncheck();
  await expect(dialog).toContainText("This tries to move 20 orders to In progress");
  await dialog.getByRole("button", { name: "Change 20 orders" }).click();
  // The bar moves chunk by chunk while the orders go through the transition service.
  await expect(page.getByRole("progressbar", { name: /Changing orders: \d+ of 20/ })).toBeVisible();

  const done = page.getByRole("dialog", { name: "Bulk change finished" });
  await expect(done).toBeVisible({ timeout: 30_000 });
  const summary = done.getByRole("list", { name: "Summary" });
  await expect(summary).toContainText("Changed: 11");
  await expect(summary).toContainText("Payment required: 4");
  await expect(summary).toContainText("Not allowed: 4");
  await expect(summary).toContainText("Conflict: 1");
  const report = done.getByRole("table", { name: "Result per order" });
  await expect(report.getByRole("row")).toHaveCount(21);
  await expect(report.getByRole("row", { name: /E2E-BULK-01 Changed/ })).toBeVisible();
  // Each line says why from the refusal's code and reason, in the reader's language.
  await expect(done).toContainText("11 of 20 orders changed.");
  await expect(report.getByRole("row", { name: /E2E-BULK-09 Payment required/ })).toContainText("The order has to be paid first.");
  await expect(report.getByRole("row", { name: /E2E-BULK-13 Not allowed/ })).toContainText("This status cannot move to “In progress”.");
  await expect(report.getByRole("row", { name: /E2E-BULK-20 Conflict/ })).toContainText("changed by someone else");
  await done.getByRole("button", { name: "Close" }).click();

  // The list shows the outcome; each order's history tells its own story.
  await expect(rows.filter({ hasText: "E2E-BULK-01" })).toContainText("In progress");
  await expect(rows.filter({ hasText: "E2E-BULK-09" })).toContainText("Received");
  await openOrder(page, "E2E-BULK-01");
  const newest = page.getByRole("list", { name: "Order history" }).getByRole("listitem").first();
  await expect(newest).toContainText("In progress");
  await expect(newest).toContainText("Your order is being packed.");
  await openOrder(page, "E2E-BULK-09");
  await expect(page.getByRole("list", { name: "Order history" }).getByRole("listitem")).toHaveCount(1);
  await openOrder(page, "E2E-BULK-20");
  await expect(page.getByRole("list", { name: "Order history" }).getByRole("listitem").first()).toContainText("Awaiting payment");
});

test("inline status change from the list offers only allowed targets, with notification toggles", async ({ page }) => {
  await page.goto("/orders?q=E2E-INLINE-1");
  const row = page.locator("tbody tr").filter({ hasText: "E2E-INLINE-1" });
  await row.getByRole("button", { name: /change E2E-INLINE-1$/ }).click();
  const menu = page.getByRole("menu", { name: "Move E2E-INLINE-1 to" });
  await expect(menu.getByRole("menuitem")).toHaveText(["Awaiting payment", "In progress", "Cancelled"]);
  await page.getByLabel("Send email").uncheck();
  await menu.getByRole("menuitem", { name: "In progress" }).click();
  // A confirmation with what the change will do comes first (tests/e2e/change-effects.spec.ts).
  await page.getByRole("button", { name: "Move to In progress" }).click();

  await expect(row.getByRole("button", { name: /change E2E-INLINE-1$/ })).toHaveText(/In progress/);
  await openOrder(page, "E2E-INLINE-1");
  const newest = page.getByRole("list", { name: "Order history" }).getByRole("listitem").first();
  await expect(newest).toContainText("Received");
  await expect(newest).toContainText("In progress");
  // "In progress" emails the customer, but the toggle was off: no email was queued. (Only emails:
  // an endpoint another spec subscribed to status changes may have queued a webhook delivery.)
  await expect(newest.getByText(/^Email to /)).toHaveCount(0);
});

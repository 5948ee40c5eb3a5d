import { expect, test } from "@playwright/test";
import { ADMIN, STAFF, expectNoAxeViolations, openOrder, signIn } from "./support";

// The shop's hold is the default 30 s: every step below happens well inside it.
test.use({ locale: "en-US" });
test.setTimeout(90_000);

test("a change with an email, undone within the hold: the order is back, both changes in the history, the email cancelled and never sent", async ({ page, browser }) => {
  await signIn(page, STAFF);
  await openOrder(page, "E2E-UNDO-1");
  await page.getByRole("group", { name: "Move to" }).getByRole("button", { name: "Awaiting payment" }).click();
  const confirmation = page.getByRole("main").getByRole("status").filter({ hasText: "E2E-UNDO-1" });
  const undo = confirmation.getByRole("button", { name: /^Undo \(\d+ s\)$/ });
  await expect(undo).toBeVisible();
  await expectNoAxeViolations(page);
  await undo.click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "Order E2E-UNDO-1's change was undone." })).toBeVisible();

  await page.reload();
  const history = page.getByRole("list", { name: "Order history" }).getByRole("listitem");
  await expect(history.first()).toContainText("Change undone:");
  await expect(history.first()).toContainText("Awaiting payment");
  await expect(history.first()).toContainText("Received");
  await expect(history.nth(1)).toContainText("Awaiting payment");
  await expect(history.nth(1).getByRole("group", { name: "Notifications" })).toContainText(/Email to ewa\.testowa@example\.com: cancelled \(change undone\)/);

  // The mailbox: cancelled, never sent, with the reason.
  const admin = await browser.newContext({ locale: "en-US" });
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADMIN);
  await adminPage.goto("/admin/mailbox?q=E2E-UNDO-1");
  // The retail preset's Awaiting payment emails the customer (and sends no SMS).
  const row = adminPage.getByRole("row").filter({ hasText: "Cancelled" });
  await expect(row).toHaveCount(1);
  // Cancelled is final: the worker never takes such a row, so the email is never sent.
  await expect(row.first()).toContainText("The change was undone before sending");
  await admin.close();
});

test("a bulk change of 10 undone as a batch, with its own report", async ({ page }) => {
  await signIn(page, STAFF);
  await page.goto("/orders?q=E2E-UNDO-B&sort=number&dir=asc");
  await expect(page.locator("tbody tr")).toHaveCount(10);
  await page.getByRole("checkbox", { name: "Select all orders on this page" }).check();
  await page.getByRole("button", { name: "Change status of selected" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("New status").selectOption({ label: "Awaiting payment" });
  await dialog.getByRole("button", { name: /Change 10 orders/ }).click();
  const done = page.getByRole("dialog", { name: "Bulk change finished" });
  await expect(done).toContainText("10 of 10 orders changed.", { timeout: 30_000 });
  await done.getByRole("button", { name: /^Undo all \(\d+ s\)$/ }).click();
  await expect(done).toContainText("Undid 10 of 10 changes.");
  await expect(done.getByRole("table", { name: "Undo result" }).getByRole("row")).toHaveCount(10);
  await expect(done.getByRole("table", { name: "Undo result" })).not.toContainText("no longer");

  await page.goto("/orders?q=E2E-UNDO-B&sort=number&dir=asc");
  for (const cell of await page.locator("tbody tr").all()) await expect(cell).toContainText("Received");
});

test("the time to undo is a shop setting with its range: a value past it is refused by its field and nothing is saved", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/settings");
  const hold = page.getByLabel("Time to undo a change (seconds)");
  await expect(hold).toHaveValue("30");
  await expect(page.getByLabel("No repeats within (hours)")).toHaveValue("24");
  await hold.fill("601");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter a number of seconds from 0 to 600")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time to undo a change (seconds)")).toHaveValue("30");
});

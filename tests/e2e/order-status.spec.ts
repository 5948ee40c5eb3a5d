import { expect, test } from "@playwright/test";
import { STAFF, openOrder, signIn } from "./support";

test.beforeEach(async ({ page }) => {
  await signIn(page, STAFF);
});

test("staff move an order along the process and see it in the history", async ({ page }) => {
  await openOrder(page, "E2E-ORD-MOVE");
  const history = page.getByRole("list", { name: "Order history" });
  const before = await history.getByRole("listitem").count();

  await page.getByLabel("Comment", { exact: false }).and(page.getByRole("textbox")).fill("Customer asked to wait for the transfer");
  await page.getByRole("button", { name: "Awaiting payment" }).click();

  await expect(page.getByRole("status").filter({ hasText: "changed" })).toBeVisible();
  await expect(page.locator("header").getByText("Awaiting payment")).toBeVisible();
  await expect(history.getByRole("listitem")).toHaveCount(before + 1);
  const newest = history.getByRole("listitem").first();
  await expect(newest).toContainText("Received");
  await expect(newest).toContainText("Awaiting payment");
  await expect(newest).toContainText("Stan Staff");
  await expect(newest).toContainText("Customer asked to wait for the transfer");
  // Only the matrix's next steps are offered from here.
  await expect(page.getByRole("button", { name: "Completed" })).toHaveCount(0);
});

test("a change behind the payment gate is refused in words until the order is paid", async ({ page }) => {
  await openOrder(page, "E2E-ORD-GATE");
  await expect(page.getByText("Payment required before In progress")).toBeVisible();

  await page.getByRole("button", { name: "In progress" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Payment required before In progress");
  await expect(page.locator("header").getByText("Awaiting payment")).toBeVisible();

  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText(/^Paid \d/)).toBeVisible();

  await page.getByRole("button", { name: "In progress" }).click();
  await expect(page.getByRole("status").filter({ hasText: "changed" })).toBeVisible();
  await expect(page.locator("header").getByText("In progress")).toBeVisible();
  const history = page.getByRole("list", { name: "Order history" });
  await expect(history.getByRole("listitem").nth(1)).toContainText("order paid in full");
});

test("a change made from a stale page is refused as a conflict", async ({ page, browser }) => {
  test.slow(); // two people signed in, each page loaded and changed
  const number = "E2E-ORD-CONFLICT";
  await openOrder(page, number);
  const other = await browser.newPage();
  await signIn(other, STAFF);
  await other.goto(`/orders/${number}`);
  await other.getByRole("button", { name: "Awaiting payment" }).click();
  await expect(other.getByRole("status").filter({ hasText: "changed" })).toBeVisible();

  await page.getByRole("button", { name: "Cancelled" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("changed by someone else");
  // The refusal refreshes the page to the order's real state.
  await expect(page.locator("header").getByText("Awaiting payment")).toBeVisible();
  await other.close();
});

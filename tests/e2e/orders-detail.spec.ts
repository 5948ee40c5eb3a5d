import { expect, test } from "@playwright/test";
import { STAFF, openOrder, signIn } from "./support";

test("staff set the courier and tracking number, see it in the history and get the tracking link", async ({ page }) => {
  await signIn(page, STAFF);
  await openOrder(page, "E2E-DETAIL-TRACK");
  await page.getByLabel("Courier").selectOption("inpost");
  await page.getByLabel("Tracking number").fill("620000111222333");
  await page.getByRole("button", { name: "Save tracking" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tracking saved." })).toBeVisible();
  const newest = page.getByRole("list", { name: "Order history" }).getByRole("listitem").first();
  // Couriers by their brand names, not the stored code.
  await expect(newest).toContainText("Tracking set: InPost · 620000111222333");
  await expect(newest).toContainText("Stan Staff");
  await expect(page.getByLabel("Courier").locator("option:checked")).toHaveText("InPost");

  // Saved a second time, the courier stays (it used to fall back to "No courier").
  await page.getByLabel("Tracking number").fill("620000111222444");
  await page.getByRole("button", { name: "Save tracking" }).click();
  await expect(newest).toContainText("Tracking set: InPost · 620000111222444");
  await expect(page.getByLabel("Courier")).toHaveValue("inpost");

  await expect(page.getByLabel("Tracking link")).toHaveValue(/\/track\/[A-Za-z0-9_-]{22}$/);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText(/Link copied\.|select the link and copy it/)).toBeVisible();

  await page.getByLabel("Tracking number").fill("not valid!");
  await page.getByRole("button", { name: "Save tracking" }).click();
  await expect(page.getByText("A tracking number has only letters, digits and dashes")).toBeVisible();
});

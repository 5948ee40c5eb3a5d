import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./support";

test("an admin reads the email a customer got, rendered, with their typed markup shown as text", async ({ page }) => {
  // The in-app worker works through every fixture's messages after the server starts.
  test.slow();
  await signIn(page, ADMIN);
  await page.goto("/admin/mailbox?kind=email&state=sent");
  await expect(page.getByRole("heading", { name: "Mailbox" })).toBeVisible();
  // Every spec's orders send mail: find this order's among them with the search.
  await page.getByLabel("Order or recipient").fill("e2e-mail-1");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=e2e-mail-1/);
  const row = page.getByRole("row").filter({ hasText: "E2E-MAIL-1" });
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(row).toContainText("Sent");
  await row.getByRole("link").first().click();

  await expect(page.getByRole("heading", { name: /Zamówienie E2E-MAIL-1/ })).toBeVisible();
  const email = page.frameLocator('iframe[title="Email preview"]');
  await expect(email.getByText("Dzień dobry <b>Maria</b>", { exact: false })).toBeVisible();
  await expect(email.getByText("Sprawdź status zamówienia")).toBeVisible();
  await expect(email.locator("b")).toHaveCount(0);
});

test("staff cannot open the mailbox", async ({ page }) => {
  await signIn(page, { email: "staff@example.com", password: "demo-staff" });
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL(/\/forbidden/);
});

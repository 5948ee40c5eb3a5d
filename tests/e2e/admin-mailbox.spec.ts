import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./support";

test("an admin reads the email a customer got, rendered, with their typed markup shown as text", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/mailbox?kind=email&state=sent");
  await expect(page.getByRole("heading", { name: "Mailbox" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "E2E-MAIL-1" });
  // The in-app worker delivers within seconds of the server starting.
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
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

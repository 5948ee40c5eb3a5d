import { expect, type Page } from "@playwright/test";

export const STAFF = { email: "staff@example.com", password: "demo-staff" };
export const ADMIN = { email: "admin@example.com", password: "demo-admin" };

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/orders$/);
}

/** Opens an order's page by its number (fixture orders are declared in tests/e2e/fixtures/). */
export async function openOrder(page: Page, number: string) {
  await page.goto(`/orders/${number}`);
  await expect(page.getByRole("heading", { name: `Order ${number}` })).toBeVisible();
}

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

/**
 * Opens the n-th order in a status (by the list's status filter). Tests take orders from
 * statuses no other test touches, so they never depend on each other.
 */
export async function openOrderInStatus(page: Page, statusName: string, options: { unpaid?: boolean; nth?: number } = {}) {
  await page.goto("/orders");
  await page.getByLabel("Status").selectOption({ label: statusName });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=/);
  const rows = page.getByRole("row").filter({ hasText: options.unpaid ? "Unpaid" : "" }).filter({ has: page.getByRole("link") });
  const link = rows.nth(options.nth ?? 0).getByRole("link").first();
  const number = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole("heading", { name: `Order ${number}` })).toBeVisible();
  return number;
}

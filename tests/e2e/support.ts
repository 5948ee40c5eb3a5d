import AxeBuilder from "@axe-core/playwright";
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
 * Signs in through the form's field names, whichever language the sign-in page speaks (for specs
 * that run in a Polish or English browser; `signIn` above reads the English labels).
 */
export async function signInAnyLanguage(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/orders$/);
}

/** Opens an order's page by its number (fixture orders are declared in tests/e2e/fixtures/). */
export async function openOrder(page: Page, number: string) {
  await page.goto(`/orders/${number}`);
  await expect(page.getByRole("heading", { name: `Order ${number}` })).toBeVisible();
}

/** Holds a screen's live updates back, the push stream and the fallback poll, so it stays as loaded. */
export async function holdLiveUpdates(page: Page) {
  await page.route("**/api/live**", (route) => route.abort());
  await page.route("**/board/changes", (route) => route.abort());
}

/**
 * Rate limits count in fixed windows (lib/rate-limit.ts): a test that must see a limit reached
 * starts well inside a window, waiting out the last `marginMs` of the current one if need be.
 */
export async function awayFromWindowEdge(windowMs: number, marginMs = 60_000) {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}

/** The WCAG levels every screen is held to (2.0, 2.1 and 2.2, A and AA), and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * Axe on the page as it is now, with the full tag set: no violation of any kind. `exclude` leaves
 * out what axe cannot judge (e.g. a sandboxed frame without scripts, which it waits on in vain).
 * A failure lists each violation with the elements it found, so the report says what to fix.
 */
export async function expectNoAxeViolations(page: Page, { exclude = [] }: { exclude?: string[] } = {}) {
  // Next streams a page's metadata after its body, and a client navigation or a server action's
  // re-render swaps the <title> out and back in: axe checks the settled page. A page that never
  // gets a title still fails, here, when the wait runs out.
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const found = violations.map((v) => ({ rule: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  expect(found).toEqual([]);
}

import { expect, test, type Page } from "@playwright/test";
import { customerTranslator } from "@/lib/i18n";
import { ITEMS_SHOWN } from "@/lib/orders/page-bounds";
import { HUGE_ORDER } from "./fixtures/huge-order";
import { STAFF, openOrder, signIn } from "./support";

/*
 * Issue 14, finding 2: an order stored with 20,000 items of 300 characters and 5,000 history
 * events made the tracking page 22 MB and the order page 39 MB. Each page now carries the first
 * 50 items and one page of history, so it weighs what a small order's page does plus those.
 *
 * Budgets: 50 names of 300 characters are 15 KB, sent twice (the HTML and React's payload for
 * the same tree), and a page of history is 20 (tracking) or 50 (staff) entries with their
 * notifications; the rest is the page itself (a small order's tracking page is 15 KB, its order
 * page 38 KB). The pages weigh 75 KB and 222 KB; the budgets leave room for them to grow and
 * still fail at once if a page lists even 500 more items (150 KB of names alone, twice).
 */
const TRACKING_BUDGET = 150_000;
const ORDER_PAGE_BUDGET = 350_000;

const more = HUGE_ORDER.items - ITEMS_SHOWN;

test.describe.configure({ timeout: 120_000 });

async function trackingPath(page: Page): Promise<string> {
  await signIn(page, STAFF);
  await openOrder(page, HUGE_ORDER.number);
  const url = await page.getByLabel("Tracking link").inputValue();
  return new URL(url).pathname;
}

async function bytesOf(page: Page, path: string): Promise<number> {
  const response = await page.request.get(path, { headers: { "Accept-Encoding": "identity" } });
  expect(response.status()).toBe(200);
  return (await response.body()).length;
}

test("the tracking page of a huge order lists 50 items, counts the rest and pages through its history", async ({ page, browser }) => {
  const path = await trackingPath(page);
  const customer = await browser.newPage();

  for (const locale of ["pl", "en"] as const) {
    const t = customerTranslator(locale);
    expect(await bytesOf(customer, `${path}?lang=${locale}`)).toBeLessThan(TRACKING_BUDGET);
    await customer.goto(`${path}?lang=${locale}`);
    const items = customer.locator("section").filter({ has: customer.getByRole("heading", { name: t("items") }) });
    await expect(items.getByRole("listitem")).toHaveCount(ITEMS_SHOWN);
    await expect(items.getByTestId("more-items")).toHaveText(t("moreItems", { count: more }));
    await customer.screenshot({ path: `test-results/huge-order-track-${locale}.png`, fullPage: true });
  }

  // Polish: the history a page at a time, newest first; older pages through the keyboard.
  const t = customerTranslator("pl");
  await customer.goto(`${path}?lang=pl`);
  const timeline = customer.getByRole("list", { name: t("timeline") });
  const pager = customer.getByRole("navigation", { name: t("timelinePages") });
  await expect(timeline.getByRole("listitem")).toHaveCount(20);
  const pageCount = Number((await pager.textContent())!.match(/(\d+)\D*$/)![1]);
  expect(pageCount).toBeGreaterThanOrEqual(Math.ceil(HUGE_ORDER.events / 20));
  await expect(pager).toContainText(t("pageOf", { page: "1", count: String(pageCount) }));
  const newest = await timeline.getByRole("listitem").first().textContent();
  await expect(timeline).toContainText(`Note ${HUGE_ORDER.events}`);

  await pager.getByRole("link", { name: t("older") }).focus();
  await customer.keyboard.press("Enter");
  await expect(customer).toHaveURL(/[?&]history=2(#timeline)?$/);
  await expect(pager).toContainText(t("pageOf", { page: "2", count: String(pageCount) }));
  await expect(timeline.getByRole("listitem")).toHaveCount(20);
  expect(await timeline.getByRole("listitem").first().textContent()).not.toBe(newest);
  await expect(timeline).toContainText(`Note ${HUGE_ORDER.events - 20}`);

  await customer.goto(`${path}?lang=pl&history=${pageCount}`);
  await expect(pager.getByRole("link", { name: t("older") })).toHaveCount(0);
  await pager.getByRole("link", { name: t("newer") }).click();
  await expect(pager).toContainText(t("pageOf", { page: String(pageCount - 1), count: String(pageCount) }));
});

test("the staff order page of a huge order lists 50 items, keeps the total and pages through its history", async ({ page }) => {
  await signIn(page, STAFF);
  expect(await bytesOf(page, `/orders/${HUGE_ORDER.number}`)).toBeLessThan(ORDER_PAGE_BUDGET);
  await openOrder(page, HUGE_ORDER.number);

  const items = page.locator("section").filter({ has: page.getByRole("heading", { name: "Items" }) });
  await expect(items.locator("tbody tr")).toHaveCount(ITEMS_SHOWN + 1);
  await expect(items.getByTestId("more-items")).toContainText(`and ${more.toLocaleString("en-GB")} more items`);
  // The total is the order's, not the sum of the rows shown: 20,000 × 1.00.
  await expect(items.locator("tfoot")).toContainText("20,000.00");
  await page.screenshot({ path: "test-results/huge-order-staff.png", fullPage: true });

  const history = page.getByRole("list", { name: "Order history" });
  const pager = page.getByRole("navigation", { name: "History pages" });
  await expect(history.getByRole("listitem")).toHaveCount(50);
  await expect(history.getByRole("listitem").first()).toContainText(`Note ${HUGE_ORDER.events}`);
  await expect(pager).toContainText(/Page 1 of \d+/);

  await pager.getByRole("link", { name: "Older →" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?history=2#history$/);
  await expect(pager).toContainText(/Page 2 of \d+/);
  await expect(history.getByRole("listitem").first()).toContainText(`Note ${HUGE_ORDER.events - 50}`);
  await pager.getByRole("link", { name: "← Newer" }).click();
  await expect(pager).toContainText(/Page 1 of \d+/);
});

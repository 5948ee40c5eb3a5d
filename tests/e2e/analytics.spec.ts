import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { ANALYTICS_CHANNEL, STUCK_CHANNEL, STUCK_ORDER } from "./fixtures/analytics";
import { STAFF, signIn } from "./support";

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

// Tiles by their id (entered, completed, cancellationRate, returnRate), whatever the language.
const tile = (page: Page, id: string) => page.getByTestId(`tile-${id}`);

// The page runs eight aggregate queries per load on the embedded database; on a machine shared by
// several test runs one load can take longer than the default expectation window.
test.describe.configure({ timeout: 90_000 });
test.use({ navigationTimeout: 60_000 });
const PAGE_LOAD = { timeout: 30_000 };

test("staff filter the analytics by channel and order type, and the figures follow", async ({ page }) => {
  await signIn(page, STAFF);
  await page.goto("/analytics");
  await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Time in status" })).toBeVisible(PAGE_LOAD);

  await page.getByLabel("Sales channel").selectOption(ANALYTICS_CHANNEL);
  await expect(page).toHaveURL(new RegExp(`channel=${ANALYTICS_CHANNEL}`));
  await expect(tile(page, "entered")).toHaveText("4", PAGE_LOAD);
  await expect(tile(page, "completed")).toHaveText("1");
  await expect(tile(page, "cancellationRate")).toHaveText("25.0% (1)");
  const daily = page.getByRole("table", { name: "Orders entered and completed per day" });
  await expect(daily.getByRole("row", { name: today })).toHaveText(`${today}41`);

  await page.getByLabel("Order type").selectOption({ label: "Retail" });
  await expect(page).toHaveURL(/type=retail/);
  await expect(tile(page, "entered")).toHaveText("3", PAGE_LOAD);
  await expect(tile(page, "cancellationRate")).toHaveText("33.3% (1)");
  const funnel = page.getByRole("table", { name: "Funnel through the group kinds" });
  await expect(funnel.getByRole("row", { name: /^Completed \d/ })).toContainText("1");

  // A period that ended before the fixtures existed: the empty states speak.
  await page.getByLabel("Period").selectOption("custom");
  await page.getByLabel("From", { exact: true }).fill("2020-01-01");
  await page.getByLabel("To", { exact: true }).fill("2020-01-31");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2020-01-01/);
  await expect(page.getByText("No orders were created in this period.")).toBeVisible(PAGE_LOAD);
  await expect(tile(page, "entered")).toHaveText("0");
});

test("a reversed custom period is explained next to the field", async ({ page }) => {
  await signIn(page, STAFF);
  await page.goto("/analytics?period=custom&from=2026-03-31&to=2026-03-01");
  await expect(page.getByText("The end date is before the start date")).toBeVisible(PAGE_LOAD);
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
});

test("each table downloads as CSV with the filters of the page", async ({ page }) => {
  await signIn(page, STAFF);
  await page.goto(`/analytics?period=7d&channel=${ANALYTICS_CHANNEL}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Orders entered and completed per day as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^orderly-daily-\\d{4}-\\d{2}-\\d{2}_${today}\\.csv$`));
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).split("\r\n");
  expect(lines[0]).toBe("day,entered,completed");
  expect(lines).toContain(`${today},4,1`);
  expect(lines).toHaveLength(7 + 2); // header, seven days, and the final line break

  const [counts] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Where orders are now as CSV" }).click(),
  ]);
  const text = (await readFile((await counts.path())!)).toString("utf8");
  expect(text).toContain("Completed,completed,Completed,1");
});

test("a stuck order links to its page and to the board filtered down to its card", async ({ page }) => {
  await signIn(page, STAFF);
  await page.goto(`/analytics?channel=${STUCK_CHANNEL}`);
  const stuck = page.getByRole("table", { name: "Stuck orders, longest waiting first" });
  const row = stuck.getByRole("row").filter({ hasText: STUCK_ORDER });
  await expect(row).toContainText("Over SLA", PAGE_LOAD);
  await expect(row).toContainText("Idle 3+ d");
  await expect(row.getByRole("link", { name: STUCK_ORDER, exact: true })).toHaveAttribute("href", `/orders/${STUCK_ORDER}`);

  await row.getByRole("link", { name: `Show ${STUCK_ORDER} on the board` }).click();
  await expect(page).toHaveURL(new RegExp(`/board\\?type=retail&q=${STUCK_ORDER}$`));
  await expect(page.getByRole("heading", { name: "Board" })).toBeVisible();
  const filters = page.getByRole("search", { name: "Filter orders" });
  await expect(filters.getByLabel("Order type")).toHaveValue("retail");
  await expect(filters.getByLabel("Search")).toHaveValue(STUCK_ORDER);
  // Filtered on its number, the board holds this card alone, in the column of its status.
  await expect(page.getByTestId(/^card-/)).toHaveCount(1);
  await expect(page.getByTestId("column-received").getByTestId(`card-${STUCK_ORDER}`)).toBeVisible();
});

test("the CSV export refuses visitors who are not signed in", async ({ request }) => {
  const response = await request.get("/analytics/export/daily", { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
});

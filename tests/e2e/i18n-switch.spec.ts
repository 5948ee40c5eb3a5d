import { expect, test } from "@playwright/test";
import { SWITCHER } from "./fixtures/i18n-switch";
import { signIn } from "./support";

// An English browser (Playwright's default): the person's own choice must win over it.
test("a person switches the screens to Polish and back; only the words change, and the choice follows them", async ({ page, browser }) => {
  await signIn(page, SWITCHER);
  await page.goto("/orders");
  const url = page.url();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Board" })).toBeVisible();
  const rows = await page.getByRole("row").count();

  await page.getByLabel("Screen language").selectOption("pl");
  await expect(page.getByRole("navigation", { name: "Główne menu" }).getByRole("link", { name: "Tablica" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  expect(page.url()).toBe(url);
  expect(await page.getByRole("row").count()).toBe(rows);

  // Remembered for the person, not the browser: another English browser signs in to Polish.
  const elsewhere = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await signIn(elsewhere, SWITCHER);
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "pl");
  await expect(elsewhere.getByRole("link", { name: "Zamówienia" }).first()).toBeVisible();

  // "As in the browser" forgets the choice: the English browser speaks English again.
  await page.getByLabel("Język ekranów").selectOption("auto");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test.describe("a Polish browser", () => {
  test.use({ locale: "pl-PL" });

  test("signs in to Polish screens when the person chose nothing", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  });
});

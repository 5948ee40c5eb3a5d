import { expect, test } from "@playwright/test";
import { STAFF, expectNoAxeViolations, signInAnyLanguage } from "./support";

test.describe("the board on a phone", () => {
  test.use({ locale: "pl-PL", viewport: { width: 390, height: 844 } });
  // Sign-in, two board loads and axe over every card: more than the default 30 s on two busy cores.
  test.beforeEach(() => test.slow());

  test("folds the filters other than the type and the search until asked for, and counts the folded ones in use", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto("/board");
    const more = page.getByRole("button", { name: "Więcej filtrów" });
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByLabel("Szukaj")).toBeVisible();
    await expect(page.getByLabel("Kanał sprzedaży")).toBeHidden();
    await more.click();
    await expect(page.getByRole("button", { name: "Mniej filtrów" })).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByLabel("Kanał sprzedaży")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/board?paid=unpaid&overdue=1");
    await expect(page.getByRole("button", { name: "Więcej filtrów (2)" })).toBeVisible();
    await expect(page.getByLabel("Płatność", { exact: true })).toBeHidden();
  });
});

test.describe("the board on a wide screen", () => {
  test.use({ locale: "pl-PL", viewport: { width: 1280, height: 900 } });

  test("shows every filter, with nothing to unfold", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto("/board");
    await expect(page.getByLabel("Kanał sprzedaży")).toBeVisible();
    await expect(page.getByRole("button", { name: "Więcej filtrów" })).toBeHidden();
  });
});

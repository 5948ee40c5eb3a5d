import { expect, test } from "@playwright/test";
import { STAFF, expectNoAxeViolations, signInAnyLanguage } from "./support";

const ORDER = "E2E-I18N-ORDER";

// Axe and two languages per screen: more steps than the default allows on a busy machine.
test.describe.configure({ timeout: 120_000 });

test.describe("a Polish browser", () => {
  test.use({ locale: "pl-PL" });

  test("reads the order page in Polish, with Polish money, status names and durations", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto(`/orders/${ORDER}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page.getByRole("heading", { name: `Zamówienie ${ORDER}`, level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`Zamówienie ${ORDER}`));
    for (const card of ["Zmień status", "Pozycje", "Historia", "Płatność", "Klient", "Wysyłka", "Dokumenty", "Szczegóły"]) {
      await expect(page.getByRole("heading", { name: card, exact: true })).toBeVisible();
    }
    await expect(page.getByText(/w statusie$/)).toBeVisible();
    await expect(page.getByRole("main")).toContainText("24,50 zł");
    await expect(page.getByText("Nieopłacone")).toBeVisible();
    // The status names come from the statuses' Polish translations, the guard's reason from its code.
    await expect(page.getByRole("main")).toContainText("Otrzymane");
    await expect(page.getByText("Przed przejściem do „W realizacji” zamówienie musi zostać opłacone.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Historia zamówienia" })).toContainText("Utworzono zamówienie w statusie");
    await expect(page.getByRole("button", { name: "Zapisz płatność" })).toBeVisible();
    await expect(page.getByText("Brak dokumentów.", { exact: false })).toBeVisible();
    // The language the customer is written to, named in Polish rather than by its code.
    await expect(page.locator("dt", { hasText: "Język zamówienia" }).locator("+ dd")).toHaveText("polski");
    await expectNoAxeViolations(page);
  });

  test("tells a refused tracking number why in Polish", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto(`/orders/${ORDER}`);
    await page.getByLabel("Numer przesyłki").fill("not valid!");
    await page.getByRole("button", { name: "Zapisz numer przesyłki" }).click();
    await expect(page.getByText("Numer przesyłki może zawierać tylko litery, cyfry i myślniki.")).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Sprawdź wpisane dane.");
  });

  test("reads analytics in Polish", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto("/analytics");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page.getByRole("heading", { name: "Analityka", level: 1 })).toBeVisible();
    await expect(page.locator("dt", { hasText: "Przyjęte zamówienia" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Czas w statusie" })).toBeVisible();
    // Where orders are now, summed per group under the groups' Polish names.
    await expect(page.getByText("Razem w grupie Nowe", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Okres")).toContainText("Ostatnie 30 dni");
    await expectNoAxeViolations(page);
  });
});

test.describe("an English browser", () => {
  test.use({ locale: "en-US" });

  test("reads the order page in English", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto(`/orders/${ORDER}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: `Order ${ORDER}`, level: 1 })).toBeVisible();
    await expect(page.getByText(/in this status for /)).toBeVisible();
    await expect(page.getByRole("main")).toContainText("PLN 24.50");
    await expect(page.getByText("Unpaid")).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Received");
    await expect(page.getByText("Payment required before In progress")).toBeVisible();
    await expect(page.getByRole("list", { name: "Order history" })).toContainText("Order created in");
    await expect(page.locator("dt", { hasText: "Order language" }).locator("+ dd")).toHaveText("Polish");
    await expectNoAxeViolations(page);
  });

  test("reads analytics in English", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto("/analytics");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Analytics", level: 1 })).toBeVisible();
    await expect(page.locator("dt", { hasText: "Orders entered" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

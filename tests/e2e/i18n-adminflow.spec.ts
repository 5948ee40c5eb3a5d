import { expect, test } from "@playwright/test";
import { ADMIN, expectNoAxeViolations, signInAnyLanguage } from "./support";

/**
 * The admin's process screens in Polish and in English: the language follows the browser, every
 * text comes from the catalogue, a refused form names its fields by their labels, and each
 * screen passes axe in both languages. Read-only on the demo shop.
 */

// By the fields' names, not their labels: the sign-in page may speak either language.
const SCREENS = {
  pl: [
    { path: "/admin", heading: "Proces obsługi zamówień", text: "Typy zamówień" },
    { path: "/admin/statuses", heading: "Statusy", text: "Gotowe procesy" },
    { path: "/admin/statuses/new", heading: "Nowy status", text: "Blokada płatności" },
    { path: "/admin/workflows", heading: "Typy zamówień", text: "Nowy typ zamówienia" },
    { path: "/admin/workflows/retail", heading: /: dozwolone zmiany$/, text: "Kontrola procesu" },
    { path: "/admin/workflow-io", heading: "Import i eksport", text: "Pobierz proces (JSON)" },
  ],
  en: [
    { path: "/admin", heading: "Workflow", text: "Order types" },
    { path: "/admin/statuses", heading: "Statuses", text: "Presets" },
    { path: "/admin/statuses/new", heading: "New status", text: "Payment gate" },
    { path: "/admin/workflows", heading: "Order types", text: "New order type" },
    { path: "/admin/workflows/retail", heading: /: allowed changes$/, text: "Workflow check" },
    { path: "/admin/workflow-io", heading: "Import and export", text: "Download workflow (JSON)" },
  ],
} as const;

test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });
  test.beforeEach(async ({ page }) => {
    test.slow();
    await signInAnyLanguage(page, ADMIN);
  });

  // One test per screen: axe on the matrix of the whole e2e shop takes a while.
  for (const screen of SCREENS.pl) {
    test(`${screen.path} speaks Polish and passes axe`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.goto(screen.path);
      await expect(page.locator("html")).toHaveAttribute("lang", "pl");
      await expect(page.getByRole("heading", { level: 1, name: screen.heading })).toBeVisible();
      await expect(page.getByText(screen.text, { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Administracja" }).getByRole("link", { name: "Statusy" })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test("the board and the matrix speak Polish, status names included", async ({ page }) => {
    await page.goto("/admin/statuses");
    await expect(page.getByRole("region", { name: /^Grupa / }).first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Grupa Niezrealizowane" })).toBeVisible();
    // The demo shop's statuses carry Polish names.
    await expect(page.getByRole("link", { name: "Oczekuje na płatność" }).first()).toBeVisible();
    await page.goto("/admin/workflows/retail");
    await expect(page.getByRole("button", { name: /^Zezwól na każdą zmianę z / }).first()).toBeVisible();
    // The matrix heads its columns with the groups' Polish names.
    await expect(page.getByRole("columnheader", { name: "Nowe", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Diagram", exact: true })).toBeVisible();
  });

  test("a refused status names its fields by their Polish labels", async ({ page }) => {
    await page.goto("/admin/statuses/new");
    // The group to put it in is offered by its Polish name.
    await expect(page.getByLabel("Grupa", { exact: true })).toContainText("Niezrealizowane");
    await page.getByLabel("Kod", { exact: true }).fill("zły kod!");
    await page.getByLabel("Kolor (hex)").fill("czerwony");
    await page.getByRole("button", { name: "Utwórz status" }).click();
    await expect(page.getByRole("main").getByRole("alert").first()).toHaveText("Sprawdź: Nazwa, Kod i Kolor");
    await expect(page.getByText("Wpisz nazwę", { exact: true })).toBeVisible();
    await expect(page.getByText("Podaj kolor w zapisie szesnastkowym, np. #1d4ed8")).toBeVisible();
    await expect(page.getByLabel("Nazwa", { exact: true })).toHaveAttribute("aria-invalid", "true");
  });

  test("a refusal names statuses and order types by their Polish names", async ({ page }) => {
    // Received is where retail orders start; the demo stores both names in English.
    await page.goto("/admin/statuses/received");
    await page.getByRole("button", { name: "Archiwizuj status" }).click();
    await page.getByRole("button", { name: "Archiwizuj", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("W statusie Otrzymane zaczynają się zamówienia typu: Detaliczne");
  });

  test("a taken code names the status that has it by its Polish name", async ({ page }) => {
    await page.goto("/admin/statuses/new");
    await page.getByLabel("Nazwa", { exact: true }).fill("Duplikat");
    await page.getByLabel("Kod", { exact: true }).fill("shipped");
    await page.getByRole("button", { name: "Utwórz status" }).click();
    await expect(page.getByText("Kod shipped jest już używany przez: Wysłane").first()).toBeVisible();
  });

  test("a status used by orders is refused in Polish", async ({ page }) => {
    await page.goto("/admin/statuses/cancelled");
    await page.getByRole("button", { name: "Usuń status" }).click();
    await page.getByRole("button", { name: "Usuń na zawsze" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("jest używany w zamówieniach, więc nie można go usunąć");
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });
  test.beforeEach(async ({ page }) => {
    test.slow();
    await signInAnyLanguage(page, ADMIN);
  });

  for (const screen of SCREENS.en) {
    test(`${screen.path} speaks English and passes axe`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.goto(screen.path);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { level: 1, name: screen.heading })).toBeVisible();
      await expect(page.getByText(screen.text, { exact: true }).first()).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Statuses" })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test("a refused status names its fields by their English labels", async ({ page }) => {
    await page.goto("/admin/statuses/new");
    await page.getByLabel("Code", { exact: true }).fill("bad code!");
    await page.getByLabel("Colour (hex)").fill("red");
    await page.getByRole("button", { name: "Create status" }).click();
    await expect(page.getByRole("main").getByRole("alert").first()).toHaveText("Please check: Name, Code and Colour");
  });
});

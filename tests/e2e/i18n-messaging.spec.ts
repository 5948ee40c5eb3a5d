import { expect, test, type Page } from "@playwright/test";
import { ADMIN, expectNoAxeViolations as expectNoAxeViolationsIn, signInAnyLanguage } from "./support";

// Axe walks each screen in both languages: slow on a busy machine.
test.describe.configure({ timeout: 150_000 });

// The email's own preview sits in a sandboxed frame without scripts: axe cannot enter it and
// waits for it to answer until its frame timeout. The screen around it is what is checked here.
const expectNoAxeViolations = (page: Page) => expectNoAxeViolationsIn(page, { exclude: ["iframe[sandbox]"] });

/** The mailbox's first message (the in-app worker delivers the fixtures' emails after the start). */
async function openFirstMessage(page: Page) {
  await expect(async () => {
    await page.goto("/admin/mailbox?kind=email&state=sent");
    await expect(page.locator("tbody tr").first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await page.locator("tbody tr").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/admin\/mailbox\/\d+$/);
}

test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });

  test("templates: the editors, the SMS counter with and without Polish letters in złoty, a refusal worded in Polish", async ({ page }) => {
    await signInAnyLanguage(page, ADMIN);
    await page.goto("/admin/templates");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page).toHaveTitle(/Szablony wiadomości/);
    await expect(page.getByRole("heading", { name: "Wiadomości", level: 1 })).toBeVisible();
    // The status list is headed by the groups' Polish names (migration 0026).
    const statusList = page.getByRole("navigation", { name: "Statusy" });
    await expect(statusList).toContainText("Niezrealizowane");
    await expect(statusList).not.toContainText("Not completed");
    const sms = page.getByRole("region", { name: "SMS do klienta · polski" });
    await sms.getByLabel("Tekst", { exact: true }).fill("Paczka już w drodze");
    await expect(sms.getByText(/^Z polskimi znakami: UCS-2 · 19 znaków · 1 część/)).toBeVisible();
    await expect(sms.getByText(/^Bez polskich znaków: GSM-7 · 19 znaków · 1 część/)).toBeVisible();
    await expect(sms.getByText(/0,16\s?zł w Polsce/).first()).toBeVisible();
    await expect(sms.getByText(/przełączają wiadomość na UCS-2/)).toBeVisible();
    await sms.getByLabel("Polskie znaki w tym SMS-ie").selectOption("replace");
    await expect(sms.getByText(/przełączają wiadomość na UCS-2/)).toHaveCount(0);
    await sms.getByLabel("Tekst", { exact: true }).fill("ż".repeat(71));
    await expect(sms.getByText(/71 znaków · 2 części/)).toBeVisible();

    const email = page.getByRole("region", { name: "E-mail do klienta · polski" });
    await email.getByLabel("Temat").fill("Zamówienie {{ordrNumber}}");
    await email.getByRole("button", { name: "Zapisz" }).click();
    await expect(email.getByText("Nieznana zmienna {{ordrNumber}}: czy chodziło o {{orderNumber}}?")).toBeVisible();
    await expect(email.getByRole("alert")).toHaveText("Sprawdź: Temat");
    await expectNoAxeViolations(page);
  });

  test("mailbox: the list and a message in Polish, dates in Polish", async ({ page }) => {
    await signInAnyLanguage(page, ADMIN);
    await page.goto("/admin/mailbox");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page.getByRole("heading", { name: "Skrzynka wiadomości" })).toBeVisible();
    await expect(page.getByLabel("Zamówienie lub odbiorca")).toBeVisible();
    await expect(page.getByRole("button", { name: "Filtruj" })).toBeVisible();
    await expectNoAxeViolations(page);

    await openFirstMessage(page);
    await expect(page.getByRole("link", { name: "← Skrzynka wiadomości" })).toBeVisible();
    await expect(page.getByText("Dodana do kolejki", { exact: true })).toBeVisible();
    await expect(page.getByText("Wysłana", { exact: true }).first()).toBeVisible();
    // "5 gru 2026, 21:40": Polish month names in the shop's time zone.
    await expect(page.locator("dd").nth(2)).toHaveText(/\d{1,2} [a-ząćęłńóśźż]{3,4} \d{4}/);
    await expectNoAxeViolations(page);
  });

  test("settings: language, time zone and SMS letters, a refused value worded in Polish", async ({ page }) => {
    await signInAnyLanguage(page, ADMIN);
    await page.goto("/admin/settings");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page).toHaveTitle(/Ustawienia sklepu/);
    await expect(page.getByRole("heading", { name: "Ustawienia sklepu" })).toBeVisible();
    await expect(page.getByLabel("Język ekranów pracowników")).toHaveValue("pl");
    await expect(page.getByLabel("Strefa czasowa")).toHaveValue("Europe/Warsaw");
    // Each zone with its offset today, so a shop finds its own by the hour it keeps.
    await expect(page.getByLabel("Strefa czasowa").locator("option:checked")).toHaveText(/^Europe\/Warsaw \(UTC\+0[12]:00\)$/);
    await expect(page.getByLabel("Wysyłaj SMS-y bez polskich znaków (ą → a)")).not.toBeChecked();
    await expectNoAxeViolations(page);

    // Refused, so nothing is saved over the shop's settings other specs read.
    await page.getByLabel("Kolor marki").fill("niebieski");
    await page.getByRole("button", { name: "Zapisz ustawienia" }).click();
    await expect(page.getByText("Podaj kolor w postaci #1d4ed8")).toBeVisible();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Sprawdź: Kolor marki");
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-US" });

  test("templates speak English, with money as PLN", async ({ page }) => {
    await signInAnyLanguage(page, ADMIN);
    await page.goto("/admin/templates");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle(/Message templates/);
    await expect(page.getByRole("heading", { name: "Messages", level: 1 })).toBeVisible();
    const sms = page.getByRole("region", { name: "Customer SMS · Polish" });
    await sms.getByLabel("Text", { exact: true }).fill("Paczka już w drodze");
    await expect(sms.getByText(/^With Polish letters: UCS-2 · 19 characters · 1 part/)).toBeVisible();
    await expect(sms.getByText(/^Without Polish letters: GSM-7 · 19 characters · 1 part/)).toBeVisible();
    await expect(sms.getByText(/PLN\s?0\.16 in Poland/).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the mailbox and a message speak English", async ({ page }) => {
    await signInAnyLanguage(page, ADMIN);
    await page.goto("/admin/mailbox");
    await expect(page.getByRole("heading", { name: "Mailbox" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Attempts" }).or(page.getByText(/No messages yet/))).toBeVisible();
    await expectNoAxeViolations(page);
    await openFirstMessage(page);
    await expect(page.getByRole("link", { name: "← Mailbox" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the settings speak English", async ({ page }) => {
    await signInAnyLanguage(page, ADMIN);
    await page.goto("/admin/settings");
    await expect(page.getByRole("heading", { name: "Shop settings" })).toBeVisible();
    await expect(page.getByLabel("Language of staff screens")).toBeVisible();
    await expect(page.getByLabel("Time zone")).toBeVisible();
    await expect(page.getByLabel("Send SMS without Polish letters (ą → a)")).toBeVisible();
    await expectNoAxeViolations(page);
    await expect(page).toHaveTitle(/Shop settings/);
  });
});

import { expect, test } from "@playwright/test";
import { ADMIN, STAFF, expectNoAxeViolations, signInAnyLanguage } from "./support";

// Two page loads per save on two cores, axe after each: more than the default allows.
test.describe.configure({ timeout: 120_000 });

const words = {
  pl: {
    open: "Zmień dane klienta i adres dostawy",
    name: "Imię i nazwisko",
    email: "E-mail",
    city: "Miejscowość",
    street: "Ulica i numer",
    postalCode: "Kod pocztowy",
    country: "Kraj (kod, np. PL)",
    addressName: "Odbiorca",
    save: "Zapisz zmiany",
    saved: "Zapisano zmiany zamówienia.",
    invalid: "Sprawdź tę wartość.",
    history: "Historia zamówienia",
    edited: "Zmieniono zamówienie",
    nameLine: "Klient: Ewa Testowa → Ewa Nowak",
    addressLine: "Adres dostawy: (brak) → Ewa Nowak, Długa 1, 00-001 Warszawa, PL",
    flag: "Zamówienie można edytować",
  },
  en: {
    open: "Change the customer and shipping address",
    name: "Name",
    email: "Email",
    city: "City",
    street: "Street and number",
    postalCode: "Postal code",
    country: "Country (code, e.g. PL)",
    addressName: "Recipient",
    save: "Save changes",
    saved: "Order changes saved.",
    invalid: "Please check this value.",
    history: "Order history",
    edited: "Order edited",
    nameLine: "Customer: Ewa Testowa → Ewa Nowak",
    addressLine: "Shipping address: (none) → Ewa Nowak, Długa 1, 00-001 Warszawa, PL",
    flag: "Orders can be edited",
  },
} as const;

for (const [language, locale] of [
  ["pl", "pl-PL"],
  ["en", "en-US"],
] as const) {
  test.describe(`in ${language === "pl" ? "Polish" : "English"}`, () => {
    test.use({ locale });
    const w = words[language];
    const number = `E2E-EDIT-${language.toUpperCase()}`;

    test("staff edit the customer and address; the history shows each change before and after", async ({ page }) => {
      await signInAnyLanguage(page, STAFF);
      await page.goto(`/orders/${number}`);
      await page.getByText(w.open).click();
      const form = page.locator("form").filter({ has: page.getByRole("button", { name: w.save }) });

      // A bad email is refused by its field, and nothing is written.
      await form.getByLabel(w.email, { exact: true }).fill("not an email");
      await form.getByRole("button", { name: w.save }).click();
      await expect(form.getByLabel(w.email, { exact: true })).toHaveAttribute("aria-invalid", "true");
      await expect(form.getByText(w.invalid)).toBeVisible();
      await expect(page.getByRole("list", { name: w.history })).not.toContainText(w.edited);

      await form.getByLabel(w.email, { exact: true }).fill("ewa.nowak@example.com");
      await form.getByLabel(w.name, { exact: true }).fill("Ewa Nowak");
      await form.getByLabel(w.addressName).fill("Ewa Nowak");
      await form.getByLabel(w.street).fill("Długa 1");
      await form.getByLabel(w.postalCode).fill("00-001");
      await form.getByLabel(w.city).fill("Warszawa");
      await form.getByLabel(w.country).fill("pl");
      await form.getByRole("button", { name: w.save }).click();
      await expect(page.getByText(w.saved)).toBeVisible();

      const entry = page.getByRole("list", { name: w.history }).getByRole("listitem").filter({ hasText: w.edited });
      await expect(entry).toContainText(w.nameLine);
      await expect(entry).toContainText(w.addressLine);
      await expect(entry).toContainText("Stan Staff");
      await expect(page).not.toHaveTitle("");
      await expectNoAxeViolations(page);
      await entry.screenshot({ path: test.info().outputPath(`order-edit-history-${language}.png`) });
    });

    test("an order past the editable statuses offers no edit; the admin sees the flag per status", async ({ page }) => {
      await signInAnyLanguage(page, ADMIN);
      await page.goto("/orders/E2E-EDIT-LOCKED");
      await expect(page.getByRole("heading", { name: /E2E-EDIT-LOCKED/ })).toBeVisible();
      await expect(page.getByText(w.open)).toHaveCount(0);

      await page.goto("/admin/statuses/received");
      await expect(page.getByLabel(w.flag)).toBeChecked();
      await page.goto("/admin/statuses/shipped");
      await expect(page.getByLabel(w.flag)).not.toBeChecked();
      await expectNoAxeViolations(page);
      await page.getByLabel(w.flag).locator("xpath=ancestor::label").screenshot({ path: test.info().outputPath(`status-flag-${language}.png`) });
    });
  });
}

test("the admin switches the flag on a status, and it is stored", async ({ page }) => {
  await signInAnyLanguage(page, ADMIN);
  await page.goto("/admin/statuses/cancelled");
  const flag = page.getByLabel(/Orders can be edited|Zamówienie można edytować/);
  await expect(flag).not.toBeChecked();
  await flag.check();
  await page.getByRole("button", { name: /Save|Zapisz/ }).first().click();
  await expect(page).toHaveURL(/\/admin\/statuses\/cancelled\?saved=1/);
  await expect(page.getByLabel(/Orders can be edited|Zamówienie można edytować/)).toBeChecked();
  // Back as it was: the other specs' cancelled orders are not editable.
  await page.getByLabel(/Orders can be edited|Zamówienie można edytować/).uncheck();
  await page.getByRole("button", { name: /Save|Zapisz/ }).first().click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel(/Orders can be edited|Zamówienie można edytować/)).not.toBeChecked({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

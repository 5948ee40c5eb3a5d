import { expect, test, type Page } from "@playwright/test";
import { ADMIN, STAFF, expectNoAxeViolations as expectNoAxeViolationsOn, signInAnyLanguage } from "./support";

// Two languages, axe, the customer's page and the mailbox: more steps than the default allows.
test.describe.configure({ timeout: 150_000 });

async function expectNoAxeViolations(page: Page) {
  // After a form's action the page is rendered again, its title streamed in with it.
  await expect(page).not.toHaveTitle("");
  // The mailbox's email preview is a sandboxed frame without scripts, which axe cannot enter.
  await expectNoAxeViolationsOn(page, { exclude: ["iframe[sandbox]"] });
}

/** Opens the sent email of an order whose subject is `subject`, waiting for the in-app worker. */
async function openSentEmail(page: Page, order: string, subject: string, words: { search: string; filter: string }) {
  await page.goto("/admin/mailbox?kind=email&state=sent");
  await page.getByLabel(words.search).fill(order.toLowerCase());
  await page.getByRole("button", { name: words.filter }).click();
  await expect(page).toHaveURL(new RegExp(`q=${order.toLowerCase()}`));
  const row = page.getByRole("row").filter({ hasText: subject });
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/admin\/mailbox\/\d+$/);
  return page.frameLocator("iframe[sandbox]");
}

test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });

  test("staff add an internal note and one for the customer, emailed; the tracking page shows only the latter", async ({ page, browser }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto("/orders/E2E-NOTE-PL");
    await expect(page.getByRole("heading", { name: "Notatka", level: 2 })).toBeVisible();
    const form = page.getByRole("form", { name: "Notatka" });
    const email = form.getByLabel("Wyślij ją klientowi e-mailem");
    await expect(email).toBeDisabled();
    await expectNoAxeViolations(page);

    // Nothing written: refused field by field, in Polish.
    await form.getByRole("button", { name: "Dodaj notatkę" }).click();
    await expect(form.getByText("Wpisz treść notatki.")).toBeVisible();
    await expect(form.getByLabel("Treść notatki")).toHaveAttribute("aria-invalid", "true");

    await form.getByLabel("Treść notatki").fill("Klient prosi o telefon przed wysyłką.");
    await form.getByRole("button", { name: "Dodaj notatkę" }).click();
    await expect(form.getByText("Dodano notatkę do zamówienia E2E-NOTE-PL.")).toBeVisible();
    await expect(form.getByLabel("Treść notatki")).toHaveValue("");
    const history = page.getByRole("list", { name: "Historia zamówienia" });
    const internal = history.getByRole("listitem").filter({ hasText: "Klient prosi o telefon przed wysyłką." });
    await expect(internal).toContainText("Notatka");
    await expect(internal).toContainText("(wewnętrzny)");
    // Who wrote it: the signed-in member of staff.
    await expect(internal).toContainText("Stan Staff");

    await form.getByLabel("Widoczna dla klienta (na stronie śledzenia zamówienia)").check();
    await expect(email).toBeEnabled();
    await expect(email).not.toBeChecked();
    await email.check();
    await form.getByLabel("Treść notatki").fill("Brakujący kubek dosyłamy jutro osobną paczką.");
    await form.getByRole("button", { name: "Dodaj notatkę" }).click();
    await expect(form.getByText("Dodano notatkę do zamówienia E2E-NOTE-PL; e-mail do klienta czeka w kolejce.")).toBeVisible();
    const visible = history.getByRole("listitem").filter({ hasText: "Brakujący kubek dosyłamy jutro osobną paczką." });
    await expect(visible).toContainText("(widoczny dla klienta)");
    await expect(visible.getByRole("group", { name: "Powiadomienia" })).toContainText("E-mail do ewa.testowa@example.com");
    await expectNoAxeViolations(page);

    // The customer's tracking page, in Polish: the note for them, never the internal one.
    const trackingUrl = await page.getByRole("textbox", { name: "Link do śledzenia" }).inputValue();
    const customer = await (await browser.newContext({ locale: "pl-PL" })).newPage();
    await customer.goto(`${new URL(trackingUrl).pathname}?lang=pl`);
    await expect(customer.getByRole("heading", { name: "Zamówienie E2E-NOTE-PL" })).toBeVisible();
    await expect(customer.getByRole("list", { name: "Historia" })).toContainText("Brakujący kubek dosyłamy jutro osobną paczką.");
    await expect(customer.getByText("Klient prosi o telefon")).toHaveCount(0);
    await customer.context().close();

    // The email the customer got: the note in the shop's layout, in the order's language.
    const admin = await (await browser.newContext({ locale: "pl-PL" })).newPage();
    await signInAnyLanguage(admin, ADMIN);
    const message = await openSentEmail(admin, "E2E-NOTE-PL", "Wiadomość w sprawie zamówienia E2E-NOTE-PL", {
      search: "Zamówienie lub odbiorca",
      filter: "Filtruj",
    });
    await expect(message.getByText("Brakujący kubek dosyłamy jutro osobną paczką.")).toBeVisible();
    await expect(message.getByText("Dzień dobry Ewa,")).toBeVisible();
    await expect(message.getByText("Klient prosi o telefon")).toHaveCount(0);
    await admin.context().close();
  });

  test("an order without an email address cannot have a note emailed", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto("/orders/E2E-NOTE-NOMAIL");
    const form = page.getByRole("form", { name: "Notatka" });
    await form.getByLabel("Widoczna dla klienta (na stronie śledzenia zamówienia)").check();
    await expect(form.getByLabel("Wyślij ją klientowi e-mailem")).toBeDisabled();
    await expect(form.getByText("Klient nie podał adresu e-mail.")).toBeVisible();
    await form.getByLabel("Treść notatki").fill("Zadzwoniliśmy, paczka wyjdzie w piątek.");
    await form.getByRole("button", { name: "Dodaj notatkę" }).click();
    await expect(form.getByText("Dodano notatkę do zamówienia E2E-NOTE-NOMAIL.")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a shipped order's email names the courier, the parcel number and the tracking link", async ({ page }) => {
    await signInAnyLanguage(page, ADMIN);
    const message = await openSentEmail(page, "E2E-NOTE-SHIP", "Zamówienie E2E-NOTE-SHIP zostało wysłane", {
      search: "Zamówienie lub odbiorca",
      filter: "Filtruj",
    });
    const parcel = message.getByText("Przewoźnik: InPost", { exact: false });
    await expect(parcel).toContainText("Numer przesyłki: 620099988877766655544433");
    await expect(parcel).toContainText("Śledzenie przesyłki: https://inpost.pl/sledzenie-przesylek?number=620099988877766655544433");
    await expectNoAxeViolations(page);
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-US" });

  test("the note form speaks English and a customer note shows as such in the history", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto("/orders/E2E-NOTE-EN");
    await expect(page.getByRole("heading", { name: "Note", level: 2 })).toBeVisible();
    const form = page.getByRole("form", { name: "Note" });
    await expect(form.getByText("No status change. An internal note is seen by the team only.")).toBeVisible();
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(form.getByText("Write the note.")).toBeVisible();
    await expectNoAxeViolations(page);

    await form.getByLabel("Note", { exact: true }).fill("Gift wrapping requested by phone.");
    await form.getByLabel("Visible to the customer (on the order's tracking page)").check();
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(form.getByText("Note added to order E2E-NOTE-EN.")).toBeVisible();
    const entry = page.getByRole("list", { name: "Order history" }).getByRole("listitem").filter({ hasText: "Gift wrapping requested by phone." });
    await expect(entry).toContainText("Note");
    await expect(entry).toContainText("(visible to customer)");
    // Not asked to email it: no message queued.
    await expect(entry.getByRole("group")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

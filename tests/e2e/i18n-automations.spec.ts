import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations as expectNoViolations } from "./support";
import { uid } from "./admin-support";

// Issue 16: the automation, integration, sign-in and small pages in the reader's language, each
// free of accessibility violations in both languages. The language comes from the browser's
// Accept-Language (Playwright's `locale`), as nobody here chose one.

const ADMIN = { email: "admin@example.com", password: "demo-admin" };
const STAFF = { email: "staff@example.com", password: "demo-staff" };
const RULE = "E2E i18n rule";
const ORDER = "E2E-I18N-AUTO";

type Words = {
  lang: string;
  email: string;
  password: string;
  signIn: string;
};
const PL: Words = { lang: "pl", email: "E-mail", password: "Hasło", signIn: "Zaloguj się" };
const EN: Words = { lang: "en", email: "Email", password: "Password", signIn: "Sign in" };

async function signIn(page: Page, words: Words, who = ADMIN) {
  await page.goto("/login");
  await page.getByLabel(words.email).fill(who.email);
  await page.getByLabel(words.password).fill(who.password);
  await page.getByRole("button", { name: words.signIn }).click();
  await expect(page).toHaveURL(/\/orders$/);
}

test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });
  test.beforeEach(() => test.setTimeout(120_000));

  test("the sign-in page speaks Polish and words its refusals from their codes", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page).toHaveTitle(/Logowanie/);
    await expect(page.getByRole("heading", { name: "Zaloguj się, aby zarządzać zamówieniami" })).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await expect(page.getByText("Podaj poprawny adres e-mail")).toBeVisible();
    await expect(page.getByText("Podaj hasło")).toBeVisible();
    // An address nobody has: the same answer as a wrong password, and no account gets throttled.
    await page.getByLabel("E-mail").fill(`nobody-${uid()}@example.com`);
    await page.getByLabel("Hasło").fill("not-the-password");
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Nieprawidłowy e-mail lub hasło.");
  });

  test("automations: the list, the dry run, the editor and the log", async ({ page }) => {
    await signIn(page, PL);
    await page.goto("/admin/automations");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page.getByRole("heading", { name: "Automatyzacje", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Gotowe reguły z prawdziwych sklepów" })).toBeVisible();
    const mine = page.getByRole("list", { name: "Reguły w kolejności wykonywania" }).locator(":scope > li").filter({ hasText: RULE });
    await expect(mine).toContainText("Gdy zamówienie przejdzie do statusu");
    await expect(mine).toContainText("wartość wynosi co najmniej 10,00");

    await page.getByLabel("Numer zamówienia").fill(ORDER);
    await page.getByLabel("Wyzwalacz").selectOption({ label: "Jakby właśnie przeszło do obecnego statusu" });
    await page.getByRole("button", { name: "Symuluj" }).click();
    const result = page.getByRole("region", { name: "Wynik symulacji" });
    await expect(result).toContainText(`Nic nie zostało zmienione. ${ORDER}:`);
    const trace = result.getByTestId("dry-run-rule").filter({ hasText: RULE });
    await expect(trace).toContainText("zadziała");
    await expect(trace).toContainText(/Wartość: wymaga 10,00\s?zł–…, zamówienie ma [\d\s ]+,\d\d\s?zł/);
    await expect(trace).toContainText(`Skutek: Dodano komentarz wewnętrzny: „Check ${ORDER}”`);
    await expectNoViolations(page);

    await page.goto("/admin/automations/new");
    await expect(page.getByRole("heading", { name: "Nowa reguła" })).toBeVisible();
    await page.getByRole("button", { name: "Utwórz regułę" }).click();
    await expect(page.getByText("Nadaj regule nazwę (do 120 znaków).")).toBeVisible();
    // The sentence shows once the rule is complete, name included.
    await page.getByLabel("Nazwa").fill("E2E i18n draft");
    await page.getByLabel("Wyzwalacz").selectOption({ label: "Zamówienie od pewnego czasu w statusie" });
    await page.getByLabel("Status", { exact: true }).selectOption({ value: "awaiting_payment" });
    await page.getByLabel("Co najmniej (godziny)").fill("72");
    await page.getByTestId("action-0").getByLabel("Nowy status").selectOption({ value: "in_progress" });
    await expect(page.getByTestId("rule-sentence")).toHaveText("Gdy zamówienie jest w statusie „Oczekuje na płatność” od 3 dni, ustaw status „W realizacji”.");
    await expectNoViolations(page);

    await page.goto("/admin/automations");
    await mine.getByRole("link", { name: "Dziennik" }).click();
    await expect(page.getByRole("heading", { name: `Dziennik: ${RULE}` })).toBeVisible();
    await expectNoViolations(page);
  });

  test("integrations: API keys, webhooks and an endpoint's page", async ({ page }) => {
    await signIn(page, PL);
    await page.goto("/admin/integrations");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page.getByRole("heading", { name: "Integracje", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Klucze API" })).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Dodaj adres", exact: true }).click();
    await expect(page.getByText("Użyj adresu http lub https")).toBeVisible();
    await page.getByLabel("Adres URL").fill(`http://127.0.0.1:9/e2e-i18n-${uid()}`);
    await page.getByRole("button", { name: "Dodaj adres", exact: true }).click();
    await expect(page.getByText("Dodano adres.")).toBeVisible();
    // Off at once, so the address collects no deliveries from the other specs' orders.
    await page.getByRole("button", { name: "Wyłącz" }).click();
    await expect(page.getByText("Wyłączono adres.")).toBeVisible();
    await expect(page.getByText("Wyłączony przez administratora")).toBeVisible();
    await expectNoViolations(page);
  });

  test("the pages for a missing page and for staff on an admin page", async ({ page }) => {
    await signIn(page, PL, STAFF);
    await page.goto("/admin/automations");
    await expect(page.getByRole("heading", { name: "Ta strona jest dla administratorów" })).toBeVisible();
    await expect(page.getByText("Twoja rola (Pracownik)")).toBeVisible();
    await expectNoViolations(page);
    await page.goto("/no-such-page-i18n");
    await expect(page.getByRole("heading", { name: "Nic tu nie ma" })).toBeVisible();
    await expectNoViolations(page);
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-US" });
  test.beforeEach(() => test.setTimeout(120_000));

  test("the sign-in page speaks English", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Sign in to manage your orders" })).toBeVisible();
    await expectNoViolations(page);
  });

  test("automations, integrations and the small pages", async ({ page }) => {
    await signIn(page, EN);
    await page.goto("/admin/automations");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Automations", level: 1 })).toBeVisible();
    const mine = page.getByRole("list", { name: "Rules, in the order they run" }).locator(":scope > li").filter({ hasText: RULE });
    await expect(mine).toContainText("When an order enters");
    await page.getByLabel("Order number").fill(ORDER);
    await page.getByLabel("Trigger").selectOption({ label: "As if it had just entered its current status" });
    await page.getByRole("button", { name: "Dry run" }).click();
    const trace = page.getByRole("region", { name: "Dry run result" }).getByTestId("dry-run-rule").filter({ hasText: RULE });
    await expect(trace).toContainText("fires");
    await expect(trace).toContainText(/Total: wants PLN\s?10\.00–…, order has PLN\s?[\d,]+\.\d\d/);
    await expect(trace).toContainText(`Would: Internal comment added: “Check ${ORDER}”`);
    await expectNoViolations(page);

    await page.goto("/admin/automations/new");
    await expect(page.getByRole("heading", { name: "New rule" })).toBeVisible();
    await expectNoViolations(page);

    await page.goto("/admin/automations");
    await mine.getByRole("link", { name: "Log" }).click();
    await expect(page.getByRole("heading", { name: `Log: ${RULE}` })).toBeVisible();
    await expectNoViolations(page);

    await page.goto("/admin/integrations");
    await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
    await expectNoViolations(page);

    await page.goto("/no-such-page-i18n");
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
    await expectNoViolations(page);
  });
});

import { expect, test, type Browser, type Page } from "@playwright/test";
import { BoardPage } from "./board-support";
import { STAFF, openOrder, signIn, signInAnyLanguage } from "./support";

const EMAIL = "ewa.testowa@example.com";

/** A customer's browser with its own client address, so the rate limits count per test. */
async function customerPage(browser: Browser, client: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": client } });
  return context.newPage();
}

/** The customer finds their order with the lookup form, as they would from an email. */
async function lookUp(page: Page, number: string) {
  await page.goto("/track?lang=pl");
  await page.getByLabel("Numer zamówienia").fill(number);
  await page.getByLabel("Adres e-mail").fill(EMAIL);
  await page.getByRole("button", { name: "Sprawdź" }).click();
  await expect(page.getByRole("heading", { name: `Zamówienie ${number}` })).toBeVisible();
}

/** The new screens, for docs/screenshots/: written only when asked (`E2E_SCREENSHOTS=1`), so a test run leaves the tree clean. */
async function screenshot(page: Page, name: string) {
  if (process.env.E2E_SCREENSHOTS === "1") await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

test.describe.configure({ timeout: 120_000 });

test("a customer starts a return, staff accept it on the board and refund it, and the customer sees it refunded", async ({ browser }) => {
  const customer = await customerPage(browser, "198.51.100.61");
  await lookUp(customer, "E2E-RET-1");
  const afterSales = customer.getByTestId("after-sales");
  await expect(afterSales).toContainText("Możesz zwrócić produkty do");
  await afterSales.getByLabel("Ilość: Kubek ceramiczny (najwyżej 1)").fill("1");
  await afterSales.getByLabel("Powód zwrotu").selectOption({ label: "Uszkodzony" });
  await afterSales.getByLabel(/^Opis/).fill("Ucho odpadło");
  await screenshot(customer, "returns-tracking-form-pl");
  await afterSales.getByRole("button", { name: "Wyślij zgłoszenie" }).click();
  await expect(customer.getByRole("status").filter({ hasText: "Dziękujemy, zgłoszenie zostało wysłane" })).toBeVisible();
  const request = customer.getByTestId("after-sales-requests").getByRole("listitem").first();
  await expect(request).toContainText("Zwrot zgłoszony");
  const returnNumber = (/Zwrot (\S+)/.exec((await request.locator("p").first().textContent()) ?? "") ?? [])[1]!;
  expect(returnNumber).toMatch(/^ORD-\d+$/);
  // Nothing is left to return: the return is no longer offered, the complaint still is.
  await expect(afterSales.getByRole("radio", { name: /Zwrot/ })).toBeDisabled();
  await expect(afterSales.getByRole("radio", { name: /Reklamacja/ })).toBeChecked();

  const staff = await browser.newPage();
  await signIn(staff, STAFF);
  await openOrder(staff, "E2E-RET-1");
  await expect(staff.getByTestId("after-sales-panel")).toContainText("Return requested");
  await screenshot(staff, "returns-sale-page-en");
  // The return's type in each reader's language (migration 0027): the same staff member in a Polish browser.
  await expect(staff.getByTestId("after-sales-panel").getByRole("cell", { name: "Return", exact: true })).toBeVisible();
  const inPolish = await browser.newContext({ locale: "pl-PL", storageState: await staff.context().storageState() });
  const polishPage = await inPolish.newPage();
  await polishPage.goto("/orders/E2E-RET-1");
  await expect(polishPage.getByTestId("after-sales-panel").getByRole("cell", { name: "Zwrot", exact: true })).toBeVisible();
  await inPolish.close();

  const board = new BoardPage(staff);
  await board.open(returnNumber, "return");
  await expect(board.column("return_requested").getByTestId(`card-${returnNumber}`)).toBeVisible();
  await board.dragWithKeyboard(returnNumber, ["ArrowRight"]);
  const dialog = staff.getByRole("dialog", { name: `Move ${returnNumber} to Return accepted` });
  await dialog.getByRole("button", { name: "Move to Return accepted" }).click();
  await expect(board.column("return_accepted").getByTestId(`card-${returnNumber}`)).toBeVisible();
  // The card moves at once; the change is saved when the board says so.
  await expect(staff.getByRole("status").filter({ hasText: `${returnNumber} moved` })).toBeVisible();

  await customer.reload();
  await expect(customer.getByTestId("after-sales-requests")).toContainText("Zwrot przyjęty – odeślij paczkę");

  await openOrder(staff, returnNumber);
  await expect(staff.getByTestId("parent-order-link")).toHaveText("Return of order E2E-RET-1");
  await expect(staff.getByTestId("return-request")).toContainText("Damaged");
  const change = async (target: string) => {
    await staff.getByRole("button", { name: target, exact: true }).click();
    await expect(staff.locator("header").getByText(target, { exact: true })).toBeVisible();
  };
  await change("Return parcel received");
  const refund = staff.getByTestId("refund-form");
  await expect(refund).toContainText(/Refunded \D*0[.,]00\D* of \D*49[.,]99/);
  await refund.getByLabel("Reference").fill("ZW/1");
  await refund.getByRole("button", { name: "Record refund" }).click();
  await expect(refund.getByText("Refund recorded.")).toBeVisible();
  await expect(staff.getByRole("list", { name: "Order history" }).getByRole("listitem").first()).toContainText("Refunded");
  await change("Refunded");
  await screenshot(staff, "returns-return-page-en");

  // The correction invoice corrects the sale's invoice: it waits for one, and says so.
  const issueCorrection = staff.getByRole("button", { name: "Issue correction invoice" });
  await expect(issueCorrection).toBeDisabled();
  await expect(staff.getByText("The order this request comes from has no invoice")).toBeVisible();
  await staff.getByTestId("parent-order-link").click();
  await staff.getByRole("button", { name: "Issue invoice" }).click();
  await expect(staff.getByText(/^FV\/\d{4}\/\d{4} issued\.$/)).toBeVisible();
  await openOrder(staff, returnNumber);
  await issueCorrection.click();
  await expect(staff.getByText(/^KOR\/\d{4}\/\d{4} issued\.$/)).toBeVisible();
  await expect(issueCorrection).toBeDisabled();
  const [download] = await Promise.all([staff.waitForEvent("download"), staff.getByRole("link", { name: /^Download Correction invoice KOR\// }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^KOR-\\d{4}-\\d{4}_${returnNumber}\\.pdf$`));
  await expect(staff.getByRole("list", { name: "Order history" }).getByRole("listitem").first()).toContainText(/Correction invoice KOR\/\d{4}\/\d{4}/);
  await screenshot(staff, "returns-correction-invoice-en");

  // The same card in a Polish browser: the correction's kind and the button's refusal in Polish.
  const polish = await browser.newContext({ locale: "pl-PL" });
  const staffPl = await polish.newPage();
  await signInAnyLanguage(staffPl, STAFF);
  await staffPl.goto(`/orders/${returnNumber}`);
  await expect(staffPl.getByRole("button", { name: "Wystaw fakturę korygującą" })).toBeDisabled();
  await expect(staffPl.getByRole("link", { name: /^Pobierz: Faktura korygująca KOR\// })).toBeVisible();
  await screenshot(staffPl, "returns-correction-invoice-pl");
  await polish.close();

  await customer.reload();
  await expect(customer.getByTestId("after-sales-requests")).toContainText("Pieniądze zwrócone");
  await customer.goto(customer.url().replace("lang=pl", "lang=en"));
  await expect(customer.getByTestId("after-sales-requests")).toContainText("Refunded");
  await screenshot(customer, "returns-tracking-refunded-en");
});

test("the return window closes returns but not complaints, and the form is rate-limited", async ({ browser }) => {
  const customer = await customerPage(browser, "198.51.100.62");
  await lookUp(customer, "E2E-RET-OLD");
  const afterSales = customer.getByTestId("after-sales");
  await expect(afterSales).toContainText("Termin zwrotu minął");
  await expect(afterSales.getByRole("radio", { name: /Zwrot/ })).toBeDisabled();
  await expect(afterSales.getByRole("radio", { name: /Reklamacja/ })).toBeChecked();

  // A return posted anyway (an old tab, a script) is refused by the server, not only the form.
  const token = new URL(customer.url()).pathname.split("/")[2]!;
  const post = (form: Record<string, string>) =>
    customer.request.post(`/track/${token}/return?lang=pl`, { form, maxRedirects: 0, headers: { "X-Forwarded-For": "198.51.100.62" } });
  const late = await post({ kind: "return", "qty:E2E-1": "1", reason: "damaged" });
  expect(late.status()).toBe(303);
  expect(late.headers().location).toContain("returnError=window_closed");
  await customer.goto(late.headers().location!);
  await expect(customer.getByTestId("after-sales").getByRole("alert")).toHaveText("Termin na to zgłoszenie minął.");
  await screenshot(customer, "returns-tracking-window-closed-pl");

  // Five a client per ten minutes: the first (above) and four more pass the limit, the sixth does not.
  for (let i = 0; i < 3; i++) expect((await post({ kind: "complaint" })).headers().location).toContain("returnError=");
  // A NUL Postgres cannot store is refused with a message, not a 500.
  const nul = await post({ kind: "complaint", "qty:E2E-1": "1", description: "Pęk\u0000nięty" });
  expect(nul.headers().location).toContain("returnError=invalidText");
  await customer.goto(nul.headers().location!);
  await expect(customer.getByTestId("after-sales").getByRole("alert")).toHaveText("Formularz zawiera znak, którego nie da się zapisać. Popraw tekst i wyślij ponownie.");
  await screenshot(customer, "returns-tracking-invalid-text-pl");
  await customer.goto(nul.headers().location!.replace("lang=pl", "lang=en"));
  await expect(customer.getByTestId("after-sales").getByRole("alert")).toHaveText("The form holds a character that cannot be saved. Correct the text and send it again.");
  await screenshot(customer, "returns-tracking-invalid-text-en");
  const limited = await post({ kind: "complaint", "qty:E2E-1": "1", description: "Pęknięty" });
  expect(limited.headers().location).toContain("returnError=rateLimited");
});

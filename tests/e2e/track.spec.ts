import { expect, test, type Browser, type Page } from "@playwright/test";
import { STAFF, awayFromWindowEdge, openOrder, signIn, expectNoAxeViolations } from "./support";

const EMAIL = "ewa.testowa@example.com";

/** A customer's browser; each test gets its own client address so the lookup limit is per test. */
async function customerPage(browser: Browser, client: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": client } });
  return context.newPage();
}

async function lookUp(page: Page, number: string, email: string) {
  await page.goto("/track?lang=pl");
  await page.getByLabel("Numer zamówienia").fill(number);
  await page.getByLabel("Adres e-mail").fill(email);
  await page.getByRole("button", { name: "Sprawdź" }).click();
}

const currentStatus = (page: Page) => page.locator("section").first();

// These tests act as a customer and a member of staff in turn: more steps than the default allows.
test.describe.configure({ timeout: 90_000 });

test("a customer follows an order through three changes made by staff", async ({ browser }) => {
  const customer = await customerPage(browser, "198.51.100.1");
  await lookUp(customer, "e2e-track-1", EMAIL.toUpperCase());
  await expect(customer.getByRole("heading", { name: "Zamówienie E2E-TRACK-1" })).toBeVisible();
  await expect(customer.getByText("Dzień dobry, Ewa!")).toBeVisible();
  await expect(currentStatus(customer)).toContainText("Zamówienie przyjęte");

  const staff = await browser.newPage();
  await signIn(staff, STAFF);
  await openOrder(staff, "E2E-TRACK-1");
  const change = async (target: string, comment?: string) => {
    if (comment) {
      await staff.getByRole("textbox", { name: /Comment/ }).fill(comment);
      await staff.getByLabel("Comment visible to the customer").check();
    }
    await staff.getByRole("button", { name: target, exact: true }).click();
    await expect(staff.locator("header").getByText(target, { exact: true })).toBeVisible();
  };

  await change("Awaiting payment");
  await customer.reload();
  await expect(currentStatus(customer)).toContainText("Oczekuje na wpłatę");
  await expect(customer.getByText("Prosimy o przelew na konto")).toBeVisible();

  await staff.getByRole("button", { name: "Record payment" }).click();
  await expect(staff.getByText(/^Paid \d/)).toBeVisible();
  await change("In progress", "Pakujemy Twoje zamówienie");
  await customer.reload();
  await expect(currentStatus(customer)).toContainText("W realizacji");
  await expect(customer.getByText("Pakujemy Twoje zamówienie")).toBeVisible();
  await expect(customer.getByText("Prosimy o przelew na konto")).toHaveCount(0);

  await change("Shipped");
  await customer.reload();
  await expect(currentStatus(customer)).toContainText("Wysłane");
  const timeline = customer.getByRole("list", { name: "Historia" });
  await expect(timeline.getByRole("listitem")).toHaveCount(4);
  // No email, phone or full name on the page.
  await expect(customer.locator("body")).not.toContainText(EMAIL);
  await expect(customer.locator("body")).not.toContainText("+48500600700");
  await expect(customer.locator("body")).not.toContainText("Śledząca");

  await customer.getByRole("link", { name: "English" }).click();
  await expect(customer.getByRole("heading", { name: "Order E2E-TRACK-1" })).toBeVisible();
  await expect(currentStatus(customer)).toContainText("Shipped");
  await staff.close();
});

test("every miss gets the same answer, and too many attempts get a 429", async ({ browser }) => {
  const page = await customerPage(browser, "198.51.100.2");
  await lookUp(page, "E2E-TRACK-1", "someone.else@example.com");
  const miss = page.getByRole("main").getByRole("alert");
  await expect(miss).toHaveText("Nie znaleźliśmy zamówienia o tym numerze i adresie e-mail. Sprawdź dane i spróbuj ponownie.");
  const wrongEmail = await miss.textContent();
  await lookUp(page, "NO-SUCH-ORDER", EMAIL);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(wrongEmail!);

  // A NUL Postgres cannot take as a parameter is a miss like any other, not a 500.
  const nul = await page.request.post("/track/lookup", { form: { number: "E2E-TRACK-1\u0000", email: EMAIL, lang: "en" }, maxRedirects: 0 });
  expect(nul.status()).toBe(303);
  expect(nul.headers().location).toContain("error=miss");

  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    const response = await page.request.post("/track/lookup", { form: { number: "NO-SUCH", email: EMAIL, lang: "en" }, maxRedirects: 0 });
    statuses.push(response.status());
  }
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  // The form names its language in the action: the limit refuses before the body is read.
  const limited = await page.request.post("/track/lookup?lang=en", { form: { number: "E2E-TRACK-1", email: EMAIL, lang: "en" }, maxRedirects: 0 });
  expect(limited.status()).toBe(429);
  expect(await limited.text()).toContain("Too many attempts. Please try again in a few minutes.");
  expect(limited.headers()["retry-after"]).toMatch(/^\d+$/);
});

test("invented X-Forwarded-For addresses do not buy more lookups", async ({ request }) => {
  test.setTimeout(150_000);
  await awayFromWindowEdge(10 * 60_000);
  // The e2e server trusts one proxy hop (playwright.config.ts): the test plays that proxy, which
  // appends the address it saw (always the same attacker) after whatever the attacker wrote.
  const statuses: number[] = [];
  for (let i = 1; i <= 30; i++) {
    const response = await request.post("/track/lookup?lang=en", {
      form: { number: "NO-SUCH", email: EMAIL, lang: "en" },
      headers: { "X-Forwarded-For": `203.0.113.${i}, 198.51.100.60` },
      maxRedirects: 0,
    });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(303));
  expect(statuses.slice(10)).toEqual(Array(20).fill(429));
});

test("an over-size lookup is refused with 413, whether announced or streamed", async ({ request, baseURL }) => {
  const huge = "x".repeat(10 * 1024 * 1024);
  const announced = await request.post("/track/lookup?lang=pl", {
    form: { number: huge, email: EMAIL, lang: "pl" },
    headers: { "X-Forwarded-For": "198.51.100.61" },
    maxRedirects: 0,
  });
  expect(announced.status()).toBe(413);
  expect(await announced.text()).toContain("Formularz zawiera zbyt dużo danych");

  // No Content-Length: the body arrives in chunks and is refused once past the limit, not parsed.
  const chunk = new TextEncoder().encode(`number=${"x".repeat(64 * 1024)}`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < 160) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const streamed = await fetch(`${baseURL}/track/lookup?lang=en`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "198.51.100.62" },
    redirect: "manual",
    duplex: "half",
  } as RequestInit);
  expect(streamed.status).toBe(413);
});

test("markup typed by a customer or staff stays text", async ({ browser }) => {
  const staff = await browser.newPage();
  await signIn(staff, STAFF);
  await openOrder(staff, "E2E-TRACK-XSS");
  await staff.getByRole("textbox", { name: /Comment/ }).fill('<script>window.__pwned = 1</script><b>bold?</b>');
  await staff.getByLabel("Comment visible to the customer").check();
  await staff.getByRole("button", { name: "In progress", exact: true }).click();
  await expect(staff.locator("header").getByText("In progress", { exact: true })).toBeVisible();
  await staff.close();

  const customer = await customerPage(browser, "198.51.100.3");
  let dialogs = 0;
  customer.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await lookUp(customer, "E2E-TRACK-XSS", EMAIL);
  await expect(customer.getByText("Dzień dobry, <img/src/onerror=alert(1)>Ewa!")).toBeVisible();
  await expect(customer.locator("main img")).toHaveCount(0);
  await expect(customer.getByText("<script>window.__pwned = 1</script><b>bold?</b>")).toBeVisible();
  expect(await customer.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(customer.locator("main b")).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test("the tracking pages are private, strict and accessible, on a phone too", async ({ browser }) => {
  const page = await customerPage(browser, "198.51.100.4");
  await page.setViewportSize({ width: 360, height: 780 });
  const lookupResponse = await page.goto("/track?lang=en");
  expect(lookupResponse?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(lookupResponse?.headers()["referrer-policy"]).toBe("no-referrer");
  await expectNoAxeViolations(page);

  await page.getByLabel("Order number").fill("E2E-TRACK-A11Y");
  await page.getByLabel("Email address").fill(EMAIL);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("heading", { name: "Order E2E-TRACK-A11Y" })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expectNoAxeViolations(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: "test-results/track-phone.png", fullPage: true });
});

test("the tracking page is marked and titled in its own language: the link's, else the order's", async ({ browser }) => {
  const page = await customerPage(browser, "198.51.100.5");
  await page.goto("/track?lang=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle("Order status · Orderly");
  await page.getByLabel("Order number").fill("E2E-TRACK-A11Y");
  await page.getByLabel("Email address").fill(EMAIL);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByRole("heading", { name: "Order E2E-TRACK-A11Y" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // The same page without ?lang= speaks the order's language (this order was placed in Polish).
  const url = new URL(page.url());
  url.searchParams.delete("lang");
  await page.goto(url.toString());
  await expect(page.getByRole("heading", { name: "Zamówienie E2E-TRACK-A11Y" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await expect(page).toHaveTitle("Status zamówienia · Orderly");
});

test("a status hidden from customers never shows: the page keeps the last one they may see", async ({ browser }) => {
  const page = await customerPage(browser, "198.51.100.5");
  await lookUp(page, "E2E-TRACK-HIDDEN", EMAIL);
  await expect(page.getByRole("heading", { name: "Zamówienie E2E-TRACK-HIDDEN" })).toBeVisible();
  await expect(currentStatus(page)).toContainText("W realizacji");
  await expect(page.locator("body")).not.toContainText(/InPost|Do nadania|courier_inpost/);
  // Created, picking and packing are visible; the courier sorting is not.
  await expect(page.getByRole("list", { name: "Historia" }).getByRole("listitem")).toHaveCount(3);

  await page.getByRole("link", { name: "English" }).click();
  await expect(currentStatus(page)).toContainText("Being prepared");
  await expect(page.locator("body")).not.toContainText(/To ship|InPost/);
});

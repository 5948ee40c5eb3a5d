import { expect, test, type Browser, type Page } from "@playwright/test";
import { EXPIRED_TOKEN, FORGETFUL, LEAVER, SELF } from "./fixtures/accounts";
import { ADMIN, expectNoAxeViolations as expectAxeClean } from "./support";

// Each flow waits for the in-app worker to deliver an email: a busy machine needs the room.
test.setTimeout(120_000);

const WORDS = {
  en: { email: "Email", password: "Password", signIn: "Sign in" },
  pl: { email: "E-mail", password: "Hasło", signIn: "Zaloguj się" },
} as const;

async function signInAs(page: Page, who: { email: string; password: string }, lang: "en" | "pl" = "en") {
  const w = WORDS[lang];
  await page.goto("/login");
  await page.getByLabel(w.email).fill(who.email);
  await page.getByLabel(w.password, { exact: true }).fill(who.password);
  await page.getByRole("button", { name: w.signIn }).click();
  await expect(page).toHaveURL(/\/orders$/);
}

/**
 * The newest email to `recipient` in the dev mailbox, once the worker has sent it: its subject and
 * the link its button carries (the email is rendered in a sandboxed frame).
 */
async function emailedLink(page: Page, recipient: string, subject: RegExp, button: string): Promise<string> {
  const row = page.getByRole("row").filter({ hasText: recipient }).filter({ hasText: subject }).first();
  await expect(async () => {
    await page.goto(`/admin/mailbox?kind=email&state=sent&q=${encodeURIComponent(recipient)}`);
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  const link = page.frameLocator("iframe").getByRole("link", { name: button });
  const href = await link.getAttribute("href");
  expect(href).toMatch(/\/password\/[A-Za-z0-9_-]{43}$/);
  return new URL(href!).pathname;
}

async function newPage(browser: Browser, locale: "en-US" | "pl-PL") {
  const context = await browser.newContext({ locale });
  return { context, page: await context.newPage() };
}

test.describe("in English", () => {
  test.use({ locale: "en-US" });

  test("an admin invites a person, the email's link sets their password, they sign in, and the used link then says so", async ({ page, browser }) => {
    const email = `new.${Date.now()}.accounts-e2e@example.com`;
    await signInAs(page, ADMIN);
    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "People" }).click();
    await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
    await expectAxeClean(page);

    // A bad address and an empty name are refused field by field.
    const invite = page.locator("form").filter({ has: page.getByRole("button", { name: "Send invitation" }) });
    await invite.getByLabel("Email").fill("not-an-address");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(invite.getByText("Enter a valid email address.")).toBeVisible();
    await expect(invite.getByText("Enter a name (up to 100 characters).")).toBeVisible();
    // An address that already has an account is refused on its field.
    await invite.getByLabel("Email").fill("admin@example.com");
    await invite.getByLabel("Name").fill("Ada Again");
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(invite.getByText("This address already has an account.")).toBeVisible();

    await invite.getByLabel("Email").fill(email);
    await invite.getByLabel("Name").fill("Iga Invited");
    await invite.getByLabel("Role").selectOption({ label: "Staff" });
    await invite.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("Invited");
    await expect(row).toContainText("never");

    // The shop's staff language is Polish: the invitation is written in it.
    const path = await emailedLink(page, email, /Zaproszenie do Orderly/, "Ustaw hasło");

    const visitor = await newPage(browser, "en-US");
    await visitor.page.goto(path);
    await expect(visitor.page.getByRole("heading", { name: "Set your password" })).toBeVisible();
    await expect(visitor.page.getByText(`Welcome, Iga Invited. Set the password for ${email}.`)).toBeVisible();
    await expectAxeClean(visitor.page);
    await visitor.page.getByLabel("Password", { exact: true }).fill("short");
    await visitor.page.getByLabel("Repeat the password").fill("different");
    await visitor.page.getByRole("button", { name: "Set password" }).click();
    await expect(visitor.page.getByText("The password needs at least 12 characters.")).toBeVisible();
    await expect(visitor.page.getByText("The passwords differ: type the same password twice.")).toBeVisible();
    await visitor.page.getByLabel("Password", { exact: true }).fill("iga-invited-password");
    await visitor.page.getByLabel("Repeat the password").fill("iga-invited-password");
    await visitor.page.getByRole("button", { name: "Set password" }).click();
    await expect(visitor.page.getByText("Your password is set. You can sign in now.")).toBeVisible();
    await visitor.page.getByRole("link", { name: "Go to sign in" }).click();
    await expect(visitor.page.getByLabel("Email")).toHaveValue(email);
    await visitor.page.getByLabel("Password").fill("iga-invited-password");
    await visitor.page.getByRole("button", { name: "Sign in" }).click();
    await expect(visitor.page).toHaveURL(/\/orders$/);
    await expect(visitor.page.getByRole("link", { name: /Iga Invited/ })).toBeVisible();

    // The link worked once: opened again, it says so and what to do.
    await visitor.page.goto(path);
    await expect(visitor.page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
    await expect(visitor.page.getByText("The link was already used or replaced by a newer one.")).toBeVisible();
    await expect(visitor.page.getByRole("link", { name: "Forgot your password?" })).toBeVisible();
    await expectAxeClean(visitor.page);
    await visitor.context.close();

    await page.goto("/admin/users");
    await expect(row).toContainText("Active");
    await expect(row).not.toContainText("never");

    // The audit trail has the invitation, by the admin, and the password the person set.
    await page.goto("/admin/audit?kind=user");
    const entries = page.getByTestId("audit-entry").filter({ hasText: email });
    await expect(entries.filter({ has: page.getByText("invited", { exact: true }) })).toContainText("Ada Admin");
    await expect(entries.filter({ has: page.getByText("password set", { exact: true }) })).toHaveCount(1);
  });

  test("a disabled person's open session is refused at their next click, and enabling lets them in again", async ({ page, browser }) => {
    const leaver = await newPage(browser, "en-US");
    await signInAs(leaver.page, LEAVER);

    await signInAs(page, ADMIN);
    await page.goto("/admin/users");
    const row = page.getByRole("row").filter({ hasText: LEAVER.email });
    await row.getByRole("button", { name: "Disable" }).click();
    // Nothing happens before the confirmation; cancelling keeps the account.
    await row.getByRole("button", { name: "Cancel" }).click();
    await expect(row).toContainText("Active");
    await row.getByRole("button", { name: "Disable" }).click();
    await row.getByRole("button", { name: "Yes, do it" }).click();
    await expect(page.getByText(`Account disabled: ${LEAVER.name}.`)).toBeVisible();
    await expect(row).toContainText("Disabled");

    await leaver.page.getByRole("link", { name: "Board" }).click();
    await expect(leaver.page).toHaveURL(/\/login$/);
    await leaver.page.getByLabel("Email").fill(LEAVER.email);
    await leaver.page.getByLabel("Password").fill(LEAVER.password);
    await leaver.page.getByRole("button", { name: "Sign in" }).click();
    await expect(leaver.page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");

    await row.getByRole("button", { name: `Enable ${LEAVER.name}` }).click();
    await expect(row).toContainText("Active");
    await signInAs(leaver.page, LEAVER);
    await leaver.context.close();
  });

  test("an expired link gives a clear page with what to do, not an error", async ({ page }) => {
    await page.goto(`/password/${EXPIRED_TOKEN}`);
    await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
    await expect(page.getByText("an invitation for 7 days, a password reset for an hour")).toBeVisible();
    await expectAxeClean(page);
    await page.goto("/password/not-a-link");
    await expect(page.getByRole("heading", { name: "Unknown link" })).toBeVisible();
  });
});

test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });

  test("forgot password: one answer for any address, the emailed link sets a new password and the old one stops working", async ({ page, browser }) => {
    await page.goto("/login");
    await page.getByRole("link", { name: "Nie pamiętasz hasła?" }).click();
    await expect(page.getByRole("heading", { name: "Nie pamiętasz hasła?" })).toBeVisible();
    await expectAxeClean(page);
    await page.getByLabel("E-mail").fill("nikogo-takiego.accounts-e2e@example.com");
    await page.getByRole("button", { name: "Wyślij link" }).click();
    const answer = "Jeśli ten adres ma konto w Orderly, za chwilę przyjdzie na niego e-mail z linkiem. Sprawdź też folder spam.";
    await expect(page.getByText(answer)).toBeVisible();
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail").fill(FORGETFUL.email.toUpperCase());
    await page.getByRole("button", { name: "Wyślij link" }).click();
    await expect(page.getByText(answer)).toBeVisible();

    const admin = await newPage(browser, "pl-PL");
    await signInAs(admin.page, ADMIN, "pl");
    const path = await emailedLink(admin.page, FORGETFUL.email, /Ustaw nowe hasło/, "Ustaw nowe hasło");
    await admin.context.close();

    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Ustaw hasło" })).toBeVisible();
    await expectAxeClean(page);
    await page.getByLabel("Hasło", { exact: true }).fill("filip-nowe-haslo-2026");
    await page.getByLabel("Powtórz hasło").fill("filip-nowe-haslo-2026");
    await page.getByRole("button", { name: "Ustaw hasło" }).click();
    await expect(page.getByText("Hasło ustawione. Możesz się zalogować.")).toBeVisible();

    await page.goto("/login");
    await page.getByLabel("E-mail").fill(FORGETFUL.email);
    await page.getByLabel("Hasło").fill(FORGETFUL.password);
    await page.getByRole("button", { name: "Zaloguj się" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Nieprawidłowy e-mail lub hasło.");
    await signInAs(page, { email: FORGETFUL.email, password: "filip-nowe-haslo-2026" }, "pl");
  });

  test("a member renames themself and changes their password on their account page; a wrong current password is refused", async ({ page }) => {
    await signInAs(page, SELF, "pl");
    await page.getByRole("link", { name: new RegExp(SELF.name) }).click();
    await expect(page.getByRole("heading", { name: "Moje konto" })).toBeVisible();
    await expectAxeClean(page);
    const main = page.getByRole("main");

    await main.getByLabel("Imię i nazwisko").fill("Sara Nowa-Sama");
    await main.getByRole("button", { name: "Zapisz imię i nazwisko" }).click();
    await expect(main.getByText("Zapisano imię i nazwisko.")).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: /Sara Nowa-Sama/ })).toBeVisible();

    await main.getByLabel("Obecne hasło").fill("to-nie-jest-moje-haslo");
    await main.getByLabel("Nowe hasło", { exact: true }).fill("sara-nowe-haslo-2026");
    await main.getByLabel("Powtórz nowe hasło").fill("sara-nowe-haslo-2026");
    await main.getByRole("button", { name: "Zmień hasło" }).click();
    await expect(main.getByText("To nie jest Twoje obecne hasło.")).toBeVisible();

    await main.getByLabel("Obecne hasło").fill(SELF.password);
    await main.getByLabel("Nowe hasło", { exact: true }).fill("sara-nowe-haslo-2026");
    await main.getByLabel("Powtórz nowe hasło").fill("sara-nowe-haslo-2026");
    await main.getByRole("button", { name: "Zmień hasło" }).click();
    await expect(main.getByText(/^Zmieniono hasło\./)).toBeVisible();
    // This browser stays signed in.
    await page.getByRole("link", { name: "Tablica" }).click();
    await expect(page).toHaveURL(/\/board/);
  });

  test("the people page and an expired link speak Polish, axe-clean", async ({ page }) => {
    await signInAs(page, ADMIN, "pl");
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Zespół", level: 1 })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "late.accounts-e2e@example.com" })).toContainText("Zaproszenie wygasło");
    await expectAxeClean(page);
    await page.goto(`/password/${EXPIRED_TOKEN}`);
    await expect(page.getByRole("heading", { name: "Ten link wygasł" })).toBeVisible();
    await expectAxeClean(page);
  });
});

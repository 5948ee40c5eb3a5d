import { expect, test, type Page } from "@playwright/test";
import { A11Y_HOOK, A11Y_ORDER, A11Y_RULE } from "./fixtures/a11y-pages";
import { ADMIN, STAFF, expectNoAxeViolations, signInAnyLanguage } from "./support";

/**
 * Every page of the app, in Polish and in English, with axe's full tag set (WCAG 2.0, 2.1 and
 * 2.2, A and AA, and the best practices): no violation anywhere, the board also while a card is
 * lifted, the workflow picture as drawn, and the pages that scroll sideways on a phone. Read-only:
 * the rows it opens are its own (tests/e2e/fixtures/a11y-pages.ts) or the demo shop's.
 */

// Axe walks whole pages, the board's every column among them: a busy machine needs the room.
test.describe.configure({ timeout: 240_000 });

const LANGUAGES = [
  { lang: "pl", locale: "pl-PL", warning: "Linki dla klientów nie zadziałają", setting: "Ustaw adres aplikacji w ustawieniach" },
  { lang: "en", locale: "en-GB", warning: "Links for customers will not work", setting: "Set the app address in Settings" },
] as const;

// By the fields' names, not their labels: the sign-in page speaks the browser's language.
/**
 * Opens a page, waits for its heading and holds it to axe; the step names the page in the report.
 * `exclude`: what axe cannot enter (the email preview's sandboxed frame without scripts, which it
 * would wait on until its frame timeout).
 */
async function visit(page: Page, path: string, ready?: (page: Page) => Promise<void>, exclude?: string[]) {
  await test.step(path, async () => {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    if (ready) await ready(page);
    await expectNoAxeViolations(page, { exclude });
  });
}

/** The href of the first link whose address matches, on the page now open. */
async function hrefOn(page: Page, pattern: RegExp, name?: string | RegExp): Promise<string> {
  const links = name ? page.getByRole("link", { name }) : page.locator("a[href]");
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link to ${pattern} on ${page.url()}`);
  return href;
}

for (const words of LANGUAGES) {
  test.describe(`in ${words.lang}`, () => {
    test.use({ locale: words.locale });

    test("the public pages: sign-in, forgotten password, a dead link, tracking, API docs", async ({ browser }) => {
      // A client address of its own: the tracking lookup is rate-limited per address.
      const context = await browser.newContext({ locale: words.locale, extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${words.lang === "pl" ? 141 : 142}` } });
      const page = await context.newPage();
      await visit(page, "/login");
      await visit(page, "/forgot-password");
      await visit(page, "/password/no-such-link");
      await visit(page, "/track");
      await test.step("/track/[token]", async () => {
        await page.locator('input[name="number"]').fill(A11Y_ORDER);
        await page.locator('input[name="email"]').fill("ewa.testowa@example.com");
        await page.locator('form button[type="submit"]').click();
        await expect(page).toHaveURL(/\/track\/[^/?]+/);
        await expect(page.locator("h1").first()).toContainText(A11Y_ORDER);
        await expectNoAxeViolations(page);
      });
      await visit(page, "/api/docs");
      await context.close();
    });

    test("the work pages as staff: orders, an order, the board (a card lifted too), scan, analytics, account", async ({ page }) => {
      await page.setViewportSize({ width: 1600, height: 1000 });
      await signInAnyLanguage(page, STAFF);
      await visit(page, "/orders");
      await visit(page, `/orders/${A11Y_ORDER}`);
      await visit(page, "/board");
      await visit(page, "/board?type=wholesale");
      await test.step("/board while a card is lifted by keyboard", async () => {
        await page.goto(`/board?type=retail&q=${A11Y_ORDER}`);
        const card = page.getByTestId(`card-${A11Y_ORDER}`);
        await card.focus();
        await page.keyboard.press("Space");
        await expect(page.locator('[data-drop="blocked"]').first()).toBeVisible();
        await expectNoAxeViolations(page);
        await page.keyboard.press("Escape");
        await expect(page.locator('[data-drop="blocked"]')).toHaveCount(0);
      });
      await visit(page, "/scan");
      await visit(page, "/analytics");
      await visit(page, "/account");
      await visit(page, "/forbidden");
    });

    test("the admin's workflow pages, the picture as drawn, and the app-address warning", async ({ page }) => {
      await signInAnyLanguage(page, ADMIN);
      await visit(page, "/admin", async () => {
        // The e2e shop's app address is a loopback one: every admin page says so and names the setting.
        const warning = page.getByTestId("app-address-warning");
        await expect(warning).toContainText(words.warning);
        await expect(warning.getByRole("link", { name: words.setting })).toHaveAttribute("href", "/admin/settings#appUrl");
      });
      await visit(page, "/admin/statuses");
      await visit(page, "/admin/statuses/new");
      await visit(page, "/admin/statuses/received");
      await visit(page, "/admin/workflows");
      await visit(page, "/admin/workflows/retail");
      await visit(page, "/admin/workflows/retail", async () => {
        await page.getByRole("button", { name: words.lang === "pl" ? "Diagram" : "Picture", exact: true }).click();
        await expect(page.locator(".react-flow__node-status").first()).toBeVisible();
      });
      await visit(page, "/admin/workflow-io");
    });

    test("the admin's messages, integrations and automations", async ({ page }) => {
      await signInAnyLanguage(page, ADMIN);
      await visit(page, "/admin/templates");
      await visit(page, "/admin/mailbox");
      await visit(page, await hrefOn(page, /^\/admin\/mailbox\/\d+$/), undefined, ["iframe[sandbox]"]);
      await visit(page, "/admin/settings");
      await visit(page, "/admin/integrations");
      await visit(page, await hrefOn(page, /^\/admin\/integrations\/webhooks\/\d+$/, new RegExp(A11Y_HOOK.replaceAll(".", "\\."))));
      await visit(page, "/admin/automations");
      const rule = await hrefOn(page, /^\/admin\/automations\/\d+$/, A11Y_RULE);
      await visit(page, "/admin/automations/new");
      await visit(page, rule);
      await visit(page, `${rule}/log`);
    });

    test("the admin's people, roles and audit trail", async ({ page }) => {
      await signInAnyLanguage(page, ADMIN);
      await visit(page, "/admin/users");
      await visit(page, "/admin/roles");
      await visit(page, await hrefOn(page, /^\/admin\/roles\/\d+$/, /Magazyn/));
      await visit(page, "/admin/audit");
    });

    test("on a phone: the pages that scroll sideways can be scrolled by keyboard", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await visit(page, "/api/docs");
      await signInAnyLanguage(page, ADMIN);
      await visit(page, "/admin/audit");
      await visit(page, "/admin/mailbox");
      await visit(page, "/admin/users");
      await visit(page, "/orders");
      await visit(page, `/board?type=retail&q=${A11Y_ORDER}`);
      await visit(page, "/analytics");
    });
  });
}

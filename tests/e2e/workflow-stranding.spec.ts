import { expect, test, type Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import { messages } from "@/lib/i18n/messages";
import { importDocument } from "./admin-support";
import { STRANDING, statusCode, strandingDocument, type StrandingType } from "./fixtures/workflow-stranding";
import { ADMIN, expectNoAxeViolations, signInAnyLanguage } from "./support";

/**
 * A workflow edit that would leave open orders with no way forward asks first, naming how many
 * and where, in the reader's language; cancelling keeps the process as it was. Each test works on
 * an order type of its own (tests/e2e/fixtures/workflow-stranding.ts), with the orders the fixture
 * placed in its middle status; every expected word comes from the catalogue.
 */

const words = (locale: "pl" | "en") => createTranslator({ locale, messages: messages[locale] });
const stranded = (locale: "pl" | "en", type: StrandingType) =>
  words(locale)("refusals.wouldStrandOrders.one", { count: type.orders, status: type.middle, orderType: type.name });

// By the fields' names, not their labels: the sign-in page may speak either language.
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const cell = (page: Page, from: string, to: string) => page.getByRole("button", { name: new RegExp(`^${escaped(from)} → ${escaped(to)}: `) });

/** Whether the keyboard focus is in the open dialog (or nowhere on the page): never on the page behind it. */
const focusStaysInDialog = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return !active || active === document.body || Boolean(document.querySelector("dialog[open]")?.contains(active));
  });

test.beforeEach(async ({ page }) => {
  // Sign-in, the matrix of a type and axe on a modal: more than the default 30 s on two cores.
  test.slow();
  await signInAnyLanguage(page, ADMIN);
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });
  const en = words("en");

  test("clearing a row with open orders asks first, naming how many; cancel keeps the matrix, confirm saves it", async ({ page }) => {
    const type = STRANDING.clear;
    await page.goto(`/admin/workflows/${type.code}`);
    const exit = cell(page, type.middle, type.end);
    await expect(exit).toHaveAttribute("aria-pressed", "true");
    const clearRow = page.getByRole("button", { name: en("workflows.matrix.clearLabel", { name: type.middle }) });
    const dialog = page.getByRole("dialog", { name: en("workflows.stranding.title") });

    await clearRow.click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(stranded("en", type));
    await expect(dialog).toContainText(`${type.orders} orders in ${type.middle} (${type.name})`);
    // The grid went back to what it was while it asks; the safe answer has the focus, and Tab stays inside.
    await expect(exit).toHaveAttribute("aria-pressed", "true");
    await expect(dialog.getByRole("button", { name: en("common.actions.cancel") })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: en("workflows.stranding.confirm") })).toBeFocused();
    await page.keyboard.press("Tab");
    expect(await focusStaysInDialog(page)).toBe(true);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: "test-results/workflow-stranding-matrix-en.png" });

    // Escape cancels: nothing saved.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByText(en("workflows.stranding.cancelled"))).toBeVisible();
    await expect(exit).toHaveAttribute("aria-pressed", "true");

    // So does Cancel, and the page says so after a reload too.
    await clearRow.click();
    await dialog.getByRole("button", { name: en("common.actions.cancel") }).click();
    await expect(dialog).toBeHidden();
    await page.reload();
    await expect(exit).toHaveAttribute("aria-pressed", "true");

    // "Save anyway" sends the row again with the number shown, and it is saved.
    await clearRow.click();
    await expect(dialog).toContainText(stranded("en", type));
    await dialog.getByRole("button", { name: en("workflows.stranding.confirm") }).click();
    await expect(page.getByText(en("workflows.matrix.rowClear", { name: type.middle }))).toBeVisible();
    // Only Start → Sent is left; Done, no longer in the matrix, leaves the grid (ADR 0131).
    await page.reload();
    await expect(page.getByText(en("workflows.matrix.allowedCount", { count: 1 }))).toBeVisible();
    await expect(cell(page, type.start, type.middle)).toHaveAttribute("aria-pressed", "true");
    await expect(exit).toHaveCount(0);
  });

  test("an import that would strand orders says so in its preview and applies with their number", async ({ page }) => {
    const type = STRANDING.import;
    await importDocument(page, strandingDocument([type], { withoutMiddleRow: true }));
    const warning = page.getByRole("status").filter({ hasText: stranded("en", type) });
    await expect(warning).toHaveText(en("workflows.stranding.importWarning", { orders: stranded("en", type) }));
    await expectNoAxeViolations(page);
    await warning.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/workflow-stranding-import-en.png" });

    await page.getByRole("button", { name: en("workflows.io.apply") }).click();
    await page.getByRole("button", { name: en("workflows.io.applyConfirm") }).click();
    await expect(page.getByText(en("workflows.io.imported"))).toBeVisible();
    await page.goto(`/admin/workflows/${type.code}`);
    await expect(page.getByText(en("workflows.matrix.allowedCount", { count: 1 }))).toBeVisible();
    await expect(cell(page, type.start, type.middle)).toHaveAttribute("aria-pressed", "true");
    await expect(cell(page, type.middle, type.end)).toHaveCount(0);
  });
});

test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });
  const pl = words("pl");

  test("archiving the only way out of open orders asks first, in Polish, and archives on confirmation", async ({ page }) => {
    const type = STRANDING.archive;
    await page.goto(`/admin/statuses/${statusCode(type, "end")}`);
    await page.getByRole("button", { name: pl("statuses.lifecycle.archive") }).click();
    await page.getByRole("button", { name: pl("statuses.lifecycle.archiveConfirm"), exact: true }).click();

    const dialog = page.getByRole("dialog", { name: pl("workflows.stranding.title") });
    await expect(dialog).toContainText(stranded("pl", type));
    await expect(dialog).toContainText(`${type.orders} zamówienia w statusie ${type.middle} (${type.name})`);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: "test-results/workflow-stranding-archive-pl.png" });

    await dialog.getByRole("button", { name: pl("workflows.stranding.confirm") }).click();
    await expect(page.getByText(pl("statuses.done.archived", { name: type.end }))).toBeVisible();
    await expect(page.getByRole("button", { name: pl("statuses.lifecycle.restore") })).toBeVisible();
  });
});

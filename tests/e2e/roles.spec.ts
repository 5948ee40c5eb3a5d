import { expect, test } from "@playwright/test";
import { BoardPage } from "./board-support";
import { ADMIN, expectNoAxeViolations, signInAnyLanguage } from "./support";

/** The demo shop's warehouse account: role "Magazyn", scan mode only, and only the packing and shipping statuses. */
const WAREHOUSE = { email: "magazyn@example.com", password: "demo-magazyn" };

test.use({ viewport: { width: 2200, height: 1000 } });
test.setTimeout(90_000);

test.describe("an admin, in Polish", () => {
  test.use({ locale: "pl-PL" });

  test("creates a role, grants it scan mode and one status, sees it listed, then deletes it", async ({ page }) => {
    await signInAnyLanguage(page, ADMIN);
    await page.goto("/admin/roles");
    await expect(page.getByRole("heading", { name: "Role", level: 1 })).toBeVisible();
    const table = page.getByRole("table", { name: "Role sklepu" });
    await expect(table.getByRole("row", { name: /Magazyn/ })).toContainText("Tryb skanowania");
    await expect(table.getByRole("row", { name: /Pracownik/ })).toContainText("wszystkie");
    await expectNoAxeViolations(page);

    await page.getByLabel("Nazwa roli").fill("Pakowanie E2E");
    await page.getByRole("button", { name: "Utwórz rolę" }).click();
    await expect(page.getByRole("heading", { name: "Rola: Pakowanie E2E" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Utworzono rolę Pakowanie E2E." })).toBeVisible();
    // A new role starts with nothing: no area, and only listed statuses, none listed.
    await expect(page.getByLabel("Tryb skanowania")).not.toBeChecked();
    await expect(page.getByLabel("Tylko do statusów zaznaczonych niżej")).toBeChecked();
    await page.getByLabel("Tryb skanowania").check();
    const retail = page.getByRole("group", { name: "Typ zamówienia: Detaliczne" });
    await retail.getByLabel("W realizacji").check();
    await expect(retail).toContainText("zaznaczono 1 status");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Zapisz rolę" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Zapisano rolę." })).toBeVisible();

    await page.goto("/admin/roles");
    await expect(page.getByRole("row", { name: /Pakowanie E2E/ })).toContainText("nikt");
    await expect(page.getByRole("row", { name: /Pakowanie E2E/ })).toContainText("1 status");
    await page.getByRole("link", { name: "Pakowanie E2E" }).click();
    await page.getByRole("button", { name: "Usuń rolę" }).click();
    await page.getByRole("group", { name: "Usunąć rolę Pakowanie E2E?" }).getByRole("button", { name: "Usuń" }).click();
    await expect(page).toHaveURL(/\/admin\/roles$/);
    await expect(page.getByRole("row", { name: /Pakowanie E2E/ })).toHaveCount(0);

    // Each step is in the audit trail, with what the save changed.
    await page.goto("/admin/audit?kind=role");
    const entries = page.getByTestId("audit-entry").filter({ hasText: "Pakowanie E2E" });
    await expect(entries.filter({ hasText: "utworzono" })).toHaveCount(1);
    await expect(entries.filter({ hasText: "zmieniono" })).toContainText("Obszary");
    await expect(entries.filter({ hasText: "zmieniono" })).toContainText("Statusy");
    await expect(entries.filter({ hasText: "usunięto" })).toHaveCount(1);
  });
});

test.describe("an admin, in English", () => {
  test.use({ locale: "en-US" });

  test("finds the admin role locked and a second role of the same name refused", async ({ page }) => {
    await signInAnyLanguage(page, ADMIN);
    await page.goto("/admin/roles");
    await page.getByRole("main").getByRole("link", { name: "Admin", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Role: Admin" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Admins may do everything.");
    await expect(page.getByRole("button", { name: "Save role" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto("/admin/roles");
    await page.getByLabel("Role name").fill("magazyn");
    await page.getByRole("button", { name: "Create role" }).click();
    await expect(page.getByText("A role named magazyn already exists.")).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("the warehouse role, in Polish", () => {
  test.use({ locale: "pl-PL" });

  test("sees only its areas, and Cancelled is refused on the board, the order page, in a bulk change and in scan mode", async ({ page }) => {
    await signInAnyLanguage(page, WAREHOUSE);
    const nav = page.getByRole("navigation", { name: "Główne menu" });
    await expect(nav.getByRole("link", { name: "Skanowanie" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Analityka" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Administracja" })).toHaveCount(0);
    await page.goto("/analytics");
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByRole("main")).toContainText("Magazyn");

    // The board: the column is dimmed with why, and a drop there changes nothing.
    const board = new BoardPage(page);
    await page.goto("/board?type=retail&q=E2E-ROLE-1");
    await expectNoAxeViolations(page);
    await board.lift("E2E-ROLE-1");
    await expect(board.column("cancelled")).toHaveAttribute("data-drop", "blocked");
    await expect(board.column("cancelled").getByTestId("drop-reason")).toHaveText("Twoja rola nie pozwala przenosić zamówień do tego statusu");
    await expect(board.column("in_progress")).toHaveAttribute("data-drop", "allowed");
    await page.keyboard.press("Escape");

    // The order page offers only what the role may do.
    await page.goto("/orders/E2E-ROLE-1");
    const change = page.getByRole("group", { name: "Przenieś do" });
    await expect(change.getByRole("button", { name: "W realizacji" })).toHaveCount(1);
    await expect(change.getByRole("button", { name: "Anulowane" })).toHaveCount(0);

    // A bulk change asks the server, which refuses per order with the role's reason.
    await page.goto("/orders?q=E2E-ROLE-2");
    await page.getByRole("checkbox", { name: "Zaznacz E2E-ROLE-2" }).check();
    await page.getByRole("button", { name: "Zmień status zaznaczonych" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Nowy status").selectOption({ label: "Anulowane" });
    await dialog.getByRole("button", { name: /Zmień 1 zamówienie/ }).click();
    const done = page.getByRole("dialog", { name: "Zmiana zbiorcza zakończona" });
    await expect(done).toBeVisible({ timeout: 30_000 });
    await expect(done.getByRole("list", { name: "Podsumowanie" })).toContainText("Poza uprawnieniami roli: 1");
    await expect(done.getByRole("row", { name: /E2E-ROLE-2/ })).toContainText("Twoja rola nie pozwala przenosić zamówień do statusu „Anulowane”.");

    // Scan mode: refused for Cancelled, allowed for In progress.
    await page.goto("/scan");
    const field = page.getByLabel("Numer zamówienia");
    const result = page.getByTestId("scan-result");
    await page.getByLabel("Przenieś zeskanowane zamówienia do").selectOption({ label: "Anulowane" });
    await field.fill("E2E-ROLE-3");
    await field.press("Enter");
    await expect(result).toContainText("Poza uprawnieniami roli: E2E-ROLE-3");
    await page.getByLabel("Przenieś zeskanowane zamówienia do").selectOption({ label: "W realizacji" });
    await field.fill("E2E-ROLE-3");
    await field.press("Enter");
    await expect(result).toContainText("E2E-ROLE-3");
    await expect(page.getByRole("list", { name: "Podsumowanie" })).toContainText("Przeniesiono: 1");
  });
});

import { expect, test } from "@playwright/test";
import { BoardPage } from "./board-support";
import { STAFF, expectNoAxeViolations, signInAnyLanguage } from "./support";

// Wide enough for every retail column side by side, as on a warehouse monitor.
test.use({ viewport: { width: 2200, height: 1000 } });
// axe walks every board column: a busy machine needs the room.
test.setTimeout(90_000);

test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });

  test("the board names columns, money and waits in Polish, and a refused drop says why", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    const board = new BoardPage(page);
    await page.goto("/board?type=retail&q=E2E-I18N-W1");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page.getByRole("heading", { name: "Tablica", level: 1 })).toBeVisible();
    await expect(board.column("received").getByRole("heading")).toHaveText("Otrzymane");
    await expect(board.column("in_progress").getByRole("heading")).toHaveText("W realizacji");
    // The shop's groups too: the demo's default groups carry their Polish names (migration 0026).
    await expect(page.getByRole("region", { name: "Grupa statusów: Nowe" })).toBeVisible();
    const card = board.card("E2E-I18N-W1");
    await expect(card).toContainText("24,50 zł");
    await expect(card).toContainText("Nieopłacone");
    await expect(card).toContainText("W statusie:");
    // The sales channel's code ("shop") in words, and the demo's marketplace by its brand.
    await expect(card).toContainText("Sklep internetowy");
    await expect(page.getByRole("search", { name: "Filtruj zamówienia" })).toContainText("Kanał sprzedaży");
    await expect(page.getByLabel("Kanał sprzedaży").getByRole("option")).toContainText(["Wszystkie kanały", "Allegro", "Sklep internetowy", "Telefon"]);
    await expectNoAxeViolations(page);

    await board.dragWithMouse("E2E-I18N-W1", "shipped", { release: false });
    await expect(board.column("shipped").getByTestId("drop-reason")).toHaveText("Niedozwolone ze statusu „Otrzymane”");
    await page.mouse.up();
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("Zamówienia E2E-I18N-W1 nie można przenieść do statusu „Wysłane”. Niedozwolone ze statusu „Otrzymane”.");
    await expect(board.column("received").getByTestId("card-E2E-I18N-W1")).toBeVisible();
  });

  test("an allowed drop asks in Polish, moves the card and reports the queued email", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    const board = new BoardPage(page);
    await page.goto("/board?type=retail&q=E2E-I18N-W6");
    await expect(board.column("received").getByTestId("card-E2E-I18N-W6")).toBeVisible();

    await board.lift("E2E-I18N-W6");
    await expect(board.column("awaiting_payment")).toHaveAttribute("data-drop", "allowed");
    await expect(board.column("shipped").getByTestId("drop-reason")).toHaveText("Niedozwolone ze statusu „Otrzymane”");
    await board.carry(["ArrowRight"]);
    await board.drop();

    const dialog = page.getByRole("dialog", { name: "Przenieś E2E-I18N-W6 do statusu „Oczekuje na płatność”" });
    await expect(dialog).toContainText("Status „Oczekuje na płatność” wysyła klientowi e-mail.");
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Przenieś do „Oczekuje na płatność”" }).click();

    await expect(board.column("awaiting_payment").getByTestId("card-E2E-I18N-W6")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Przeniesiono zamówienie E2E-I18N-W6." })).toContainText("1 powiadomienie czeka na wysłanie.");
    await page.reload();
    await expect(board.column("awaiting_payment").getByTestId("card-E2E-I18N-W6")).toBeVisible();
  });

  test("the order list and a bulk change report in Polish, with plural forms and refusals by code", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto("/orders?q=E2E-I18N-W&sort=number&dir=asc");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page.getByRole("heading", { name: "Zamówienia", level: 1 })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Klient" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("5 zamówień");
    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(5);
    await expect(rows.filter({ hasText: "E2E-I18N-W1" })).toContainText("24,50 zł");
    // The order type by its Polish name (migration 0027), under the number and in the filter.
    await expect(rows.filter({ hasText: "E2E-I18N-W1" })).toContainText("Detaliczne");
    await expect(rows.filter({ hasText: "E2E-I18N-W1" })).toContainText("Sklep internetowy");
    await expect(page.getByLabel("Typ zamówienia").getByRole("option")).toContainText(["Wszystkie typy", "Detaliczne", "Hurtowe", "Zwrot", "Reklamacja"]);
    await expect(rows.filter({ hasText: "E2E-I18N-W1" }).getByRole("button", { name: /zmień status zamówienia E2E-I18N-W1$/ })).toHaveText(/Otrzymane/);
    await expectNoAxeViolations(page);

    await page.getByRole("checkbox", { name: "Zaznacz E2E-I18N-W4" }).check();
    await page.getByRole("checkbox", { name: "Zaznacz E2E-I18N-W5" }).check();
    await expect(page.getByText("Zaznaczono 2 zamówienia")).toBeVisible();
    await page.getByRole("button", { name: "Zmień status zaznaczonych" }).click();
    const dialog = page.getByRole("dialog", { name: "Zmień status 2 zamówień" });
    await dialog.getByLabel("Nowy status").selectOption({ label: "W realizacji" });
    await expect(dialog).toContainText("Spróbujemy przenieść 2 zamówienia do statusu „W realizacji”.");
    await dialog.getByRole("button", { name: "Zmień 2 zamówienia" }).click();

    const done = page.getByRole("dialog", { name: "Zmiana zbiorcza zakończona" });
    await expect(done).toBeVisible({ timeout: 30_000 });
    await expect(done).toContainText("Zmieniono 1 z 2 zamówień.");
    const summary = done.getByRole("list", { name: "Podsumowanie" });
    await expect(summary).toContainText("Zmieniono: 1");
    await expect(summary).toContainText("Wymagana płatność: 1");
    const report = done.getByRole("table", { name: "Wynik dla każdego zamówienia" });
    await expect(report.getByRole("row", { name: /E2E-I18N-W4 Wymagana płatność/ })).toContainText("Najpierw zamówienie musi zostać opłacone.");
    await expect(report.getByRole("row", { name: /E2E-I18N-W5 Zmieniono/ })).toBeVisible();
  });

  test("scan mode says every outcome in Polish", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto("/scan");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page.getByRole("heading", { name: "Tryb skanowania", level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Przenieś zeskanowane zamówienia do").selectOption({ label: "Oczekuje na nadanie" });
    const field = page.getByLabel("Numer zamówienia");
    const result = page.getByTestId("scan-result");

    await field.fill("E2E-I18N-W3");
    await field.press("Enter");
    await expect(result).toContainText("Niedozwolone: E2E-I18N-W3");
    await expect(result).toContainText("Z tego statusu nie można przejść do „Oczekuje na nadanie”.");

    await field.fill("NO-SUCH-I18N");
    await field.press("Enter");
    await expect(result).toContainText("Nieznane zamówienie: NO-SUCH-I18N");
    await expect(result).toContainText("Nie ma zamówienia o numerze NO-SUCH-I18N.");
    await expect(page.getByRole("list", { name: "Podsumowanie" })).toContainText("Niedozwolone: 1");
    await expectNoAxeViolations(page);
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-US" });

  test("the board, the list and scan mode speak English", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    const board = new BoardPage(page);
    await page.goto("/board?type=retail&q=E2E-I18N-W1");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Board", level: 1 })).toBeVisible();
    await expect(board.column("received").getByRole("heading")).toHaveText("Received");
    await expect(board.card("E2E-I18N-W1")).toContainText("PLN 24.50");
    await expect(board.card("E2E-I18N-W1")).toContainText("Unpaid");
    await expect(board.card("E2E-I18N-W1")).toContainText("Online shop");
    await expectNoAxeViolations(page);

    await page.goto("/orders?q=E2E-I18N-W1");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Customer" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("1 order");
    await expect(page.locator("tbody tr").first()).toContainText("PLN 24.50");
    await expect(page.locator("tbody tr").first()).toContainText("Retail");
    await expect(page.locator("tbody tr").first()).toContainText("Online shop");
    await expectNoAxeViolations(page);

    await page.goto("/scan");
    await expect(page.getByRole("heading", { name: "Scan mode", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Move scanned orders to")).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

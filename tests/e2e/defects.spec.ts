import { expect, test } from "@playwright/test";
import { BoardPage } from "./board-support";
import { STAFF, openOrder, signIn } from "./support";

// Regressions of the defects found when Orderly was tried as a new user would (issue 18, point 7).
test.use({ locale: "en-US", viewport: { width: 2200, height: 1000 } });

test.beforeEach(async ({ page }) => {
  await signIn(page, STAFF);
});

test("scan mode finds an order whose number is typed in lower case", async ({ page }) => {
  await page.goto("/scan");
  await page.getByLabel("Move scanned orders to").selectOption({ label: "In progress" });
  const field = page.getByLabel("Order number");
  await field.fill("e2e-def-scan");
  await field.press("Enter");
  await expect(page.getByTestId("scan-result")).toContainText("Moved: e2e-def-scan");
  await openOrder(page, "E2E-DEF-SCAN");
  await expect(page.getByRole("main")).toContainText("In progress");
});

test("a payment recorded after a refusal clears the refusal, and the change then works", async ({ page }) => {
  await openOrder(page, "E2E-DEF-PAY");
  const change = page.getByRole("group", { name: "Move to" });
  await change.getByRole("button", { name: "In progress" }).click();
  const refusal = page.getByRole("main").getByRole("alert").filter({ hasText: "In progress" });
  await expect(refusal).toBeVisible();

  await page.getByRole("button", { name: "Record payment" }).click();
  const history = page.getByRole("list", { name: "Order history" });
  await expect(history.getByRole("listitem").first()).toContainText("order paid in full");
  await expect(refusal).toHaveCount(0);
  await change.getByRole("button", { name: "In progress" }).click();
  await expect(history.getByRole("listitem").first()).toContainText("In progress");
});

test("a card moved by keyboard keeps the focus, and Ctrl+Enter in the dialog's comment confirms", async ({ page }) => {
  const board = new BoardPage(page);
  await board.open("E2E-DEF-FOCUS");
  await board.lift("E2E-DEF-FOCUS");
  await board.carry(["ArrowRight"]);
  await board.drop();
  const dialog = page.getByRole("dialog", { name: "Move E2E-DEF-FOCUS to Awaiting payment" });
  const comment = dialog.getByRole("textbox", { name: /Comment/ });
  await comment.fill("First line");
  await comment.press("Enter");
  await comment.pressSequentially("second line");
  await expect(comment).toHaveValue("First line\nsecond line");
  await comment.press("Control+Enter");
  await expect(dialog).toBeHidden();
  const moved = board.column("awaiting_payment").getByTestId("card-E2E-DEF-FOCUS");
  await expect(moved).toBeVisible();
  await expect(moved).toBeFocused();
});

test("a finished column lists its newest orders first", async ({ page }) => {
  const board = new BoardPage(page);
  await board.open("E2E-DEF-DONE");
  const cards = board.column("completed").locator("[data-testid^=card-]");
  await expect(cards).toHaveCount(2);
  await expect(cards.first()).toHaveAttribute("data-testid", "card-E2E-DEF-DONE-2");
});

test("couriers are named by their brand for staff and for the customer", async ({ page }) => {
  await openOrder(page, "E2E-DEF-COURIER");
  await expect(page.getByRole("list", { name: "Order history" })).toContainText("Tracking set: Poczta Polska · PX0012345678");
  const link = await page.getByLabel("Tracking link").inputValue();
  await page.goto(new URL(link).pathname + "?lang=en");
  await expect(page.getByRole("main")).toContainText("Poczta Polska");
  await expect(page.getByRole("main")).not.toContainText("poczta_polska");
});

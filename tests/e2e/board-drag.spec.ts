import { expect, test } from "@playwright/test";
import { BoardPage } from "./board-support";
import { STAFF, holdLiveUpdates, openOrder, signIn } from "./support";

// Wide enough for every retail column side by side, as on a warehouse monitor.
test.use({ viewport: { width: 2200, height: 1000 } });

test.beforeEach(async ({ page }) => {
  await signIn(page, STAFF);
});

test("a card dragged with the mouse to an allowed column moves, and the history says so", async ({ page }) => {
  const board = new BoardPage(page);
  await board.open("E2E-BOARD-MOUSE");
  await expect(board.column("in_progress").getByTestId("card-E2E-BOARD-MOUSE")).toBeVisible();

  await board.dragWithMouse("E2E-BOARD-MOUSE", "awaiting_dispatch");

  await expect(board.column("awaiting_dispatch").getByTestId("card-E2E-BOARD-MOUSE")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "E2E-BOARD-MOUSE moved" })).toBeVisible();
  await page.reload();
  await expect(board.column("awaiting_dispatch").getByTestId("card-E2E-BOARD-MOUSE")).toBeVisible();

  await openOrder(page, "E2E-BOARD-MOUSE");
  const newest = page.getByRole("list", { name: "Order history" }).getByRole("listitem").first();
  await expect(newest).toContainText("In progress");
  await expect(newest).toContainText("Awaiting dispatch");
  await expect(newest).toContainText("Stan Staff");
});

test("a card moved with the keyboard asks for the change details where the status notifies", async ({ page }) => {
  const board = new BoardPage(page);
  await board.open("E2E-BOARD-KEY");
  await expect(board.column("received").getByTestId("card-E2E-BOARD-KEY")).toBeVisible();

  await board.dragWithKeyboard("E2E-BOARD-KEY", ["ArrowRight"]);

  const dialog = page.getByRole("dialog", { name: "Move E2E-BOARD-KEY to Awaiting payment" });
  await expect(dialog).toBeVisible();
  // Defaults come from the status: it emails the customer, it sends no SMS.
  await expect(dialog.getByLabel("Send email")).toBeChecked();
  await expect(dialog.getByLabel("Send SMS")).not.toBeChecked();
  await dialog.getByLabel("Comment template").selectOption({ label: "Transfer details sent" });
  await expect(dialog.getByLabel(/^Comment/).and(page.getByRole("textbox"))).toHaveValue("We sent you the bank transfer details.");
  await dialog.getByLabel("Visible to the customer").check();
  await dialog.getByRole("button", { name: "Move to Awaiting payment" }).click();

  await expect(board.column("awaiting_payment").getByTestId("card-E2E-BOARD-KEY")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "E2E-BOARD-KEY moved" })).toContainText("1 notification queued");

  await openOrder(page, "E2E-BOARD-KEY");
  const newest = page.getByRole("list", { name: "Order history" }).getByRole("listitem").first();
  await expect(newest).toContainText("Awaiting payment");
  await expect(newest).toContainText("We sent you the bank transfer details.");
  await expect(newest).toContainText("(visible to customer)");
  // Queued with the change; the in-process worker may already have delivered it.
  await expect(newest.getByRole("group", { name: "Notifications" })).toContainText(/Email to ewa\.testowa@example\.com: (queued|sent)/);
});

test("a column the matrix does not allow is dimmed with the reason and takes no drop", async ({ page }) => {
  const board = new BoardPage(page);
  await board.open("E2E-BOARD-FORBID");
  await board.dragWithMouse("E2E-BOARD-FORBID", "shipped", { release: false });

  await expect(board.column("shipped")).toHaveAttribute("data-drop", "blocked");
  await expect(board.column("shipped").getByTestId("drop-reason")).toHaveText("Not allowed from Received");
  await expect(board.column("awaiting_payment")).toHaveAttribute("data-drop", "allowed");
  await page.mouse.up();

  await expect(page.getByRole("main").getByRole("alert")).toContainText("E2E-BOARD-FORBID cannot move to Shipped");
  await expect(board.column("received").getByTestId("card-E2E-BOARD-FORBID")).toBeVisible();
  await expect(board.column("shipped").getByTestId("card-E2E-BOARD-FORBID")).toHaveCount(0);
  await openOrder(page, "E2E-BOARD-FORBID");
  await expect(page.getByRole("list", { name: "Order history" }).getByRole("listitem")).toHaveCount(1);
});

test("a payment-gated column says payment is required and keeps the card out", async ({ page }) => {
  const board = new BoardPage(page);
  await board.open("E2E-BOARD-GATE");
  await board.dragWithMouse("E2E-BOARD-GATE", "in_progress", { release: false });
  await expect(board.column("in_progress").getByTestId("drop-reason")).toHaveText("Payment required before In progress");
  await page.mouse.up();

  await expect(page.getByRole("main").getByRole("alert")).toContainText("Payment required before In progress");
  await expect(board.column("received").getByTestId("card-E2E-BOARD-GATE")).toBeVisible();
  await openOrder(page, "E2E-BOARD-GATE");
  await expect(page.getByRole("list", { name: "Order history" }).getByRole("listitem")).toHaveCount(1);
});

test("a drop on an order someone else just changed is refused as a conflict and the card shows its real place", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const board = new BoardPage(page);
  // This board must stay stale for the test: its live updates are held back.
  await holdLiveUpdates(page);
  await board.open("E2E-BOARD-CONFLICT");
  await expect(board.column("received").getByTestId("card-E2E-BOARD-CONFLICT")).toBeVisible();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, STAFF);
  await openOrder(otherPage, "E2E-BOARD-CONFLICT");
  await otherPage.getByRole("button", { name: "Awaiting payment" }).click();
  await expect(otherPage.getByRole("status").filter({ hasText: "changed" })).toBeVisible();
  await other.close();

  await board.dragWithMouse("E2E-BOARD-CONFLICT", "cancelled");
  const dialog = page.getByRole("dialog", { name: "Move E2E-BOARD-CONFLICT to Cancelled" });
  await dialog.getByRole("button", { name: "Move to Cancelled" }).click();

  await expect(page.getByRole("main").getByRole("alert")).toContainText("changed by someone else");
  await expect(board.column("awaiting_payment").getByTestId("card-E2E-BOARD-CONFLICT")).toBeVisible();
  await expect(board.column("cancelled").getByTestId("card-E2E-BOARD-CONFLICT")).toHaveCount(0);
  await openOrder(page, "E2E-BOARD-CONFLICT");
  const items = page.getByRole("list", { name: "Order history" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText("Awaiting payment");
});

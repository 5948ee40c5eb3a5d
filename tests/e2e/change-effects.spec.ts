import { expect, test } from "@playwright/test";
import { createTranslator } from "next-intl";
import { messages } from "@/lib/i18n/messages";
import { BoardPage } from "./board-support";
import { EFFECTS_CUSTOMER, EFFECTS_ORDERS, EFFECTS_RULE } from "./fixtures/change-effects";
import { STAFF, expectNoAxeViolations, openOrder, signIn } from "./support";

// The screens read English here; every expected phrase of the feature comes from the catalogue.
const effects = createTranslator({ locale: "en", messages: messages.en, namespace: "effects" });
const refusals = createTranslator({ locale: "en", messages: messages.en, namespace: "refusals" });
const outcomes = messages.en.orders.report.outcomes;
const polish = effects("language.pl");
const AWAITING = "Awaiting payment";

// Wide enough for every retail column of the board side by side.
test.use({ viewport: { width: 2200, height: 1000 } });
// Each test waits for the server's previews and runs axe: room for a busy machine.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  await signIn(page, STAFF);
});

test("the order page shows what the change pointed at will do, follows the toggles, and changes nothing", async ({ page }) => {
  await openOrder(page, EFFECTS_ORDERS.page);
  await expect(page.getByText(effects("pointAt"))).toBeVisible();
  const targets = page.getByRole("group", { name: "Move to" });

  await targets.getByRole("button", { name: AWAITING }).hover();
  const box = page.getByRole("region", { name: effects("titleFor", { to: AWAITING }) });
  await expect(box.getByRole("listitem").filter({ hasText: EFFECTS_CUSTOMER.email })).toContainText(polish);
  await expect(box).toContainText(EFFECTS_ORDERS.page);
  await expect(box.getByRole("listitem").filter({ hasText: EFFECTS_RULE })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Send email", { exact: true }).uncheck();
  await expect(box.getByRole("listitem").first()).toContainText(effects("nothing"));
  await expect(box.getByRole("listitem").filter({ hasText: EFFECTS_RULE })).toBeVisible();

  // A target behind the payment gate: the preview says why before anyone presses it.
  await targets.getByRole("button", { name: "In progress" }).focus();
  await expect(page.getByRole("region", { name: effects("titleFor", { to: "In progress" }) })).toContainText(
    effects("refused", { reason: refusals("guardReasons.payment_required") }),
  );

  await page.reload();
  await expect(page.getByRole("list", { name: "Order history" }).getByRole("listitem")).toHaveCount(1);
});

test("the board's drop dialog shows what the move will do before it is confirmed", async ({ page }) => {
  const board = new BoardPage(page);
  await board.open(EFFECTS_ORDERS.board);
  await board.dragWithMouse(EFFECTS_ORDERS.board, "awaiting_payment");

  const dialog = page.getByRole("dialog", { name: `Move ${EFFECTS_ORDERS.board} to ${AWAITING}` });
  const box = dialog.getByRole("region", { name: effects("titleFor", { to: AWAITING }) });
  await expect(box.getByRole("listitem").filter({ hasText: EFFECTS_CUSTOMER.email })).toContainText(polish);
  await expect(box.getByRole("listitem").filter({ hasText: EFFECTS_RULE })).toBeVisible();
  await expectNoAxeViolations(page);

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(board.column("received").getByTestId(`card-${EFFECTS_ORDERS.board}`)).toBeVisible();
});

test("the list's status menu asks to confirm, shows the effects, and works from the keyboard", async ({ page }) => {
  await page.goto(`/orders?q=${EFFECTS_ORDERS.list}`);
  const row = page.locator("tbody tr").filter({ hasText: EFFECTS_ORDERS.list });
  const trigger = row.getByRole("button", { name: new RegExp(`change ${EFFECTS_ORDERS.list}$`) });
  await trigger.click();
  await page.getByRole("menu", { name: `Move ${EFFECTS_ORDERS.list} to` }).getByRole("menuitem", { name: AWAITING }).click();

  const confirm = page.getByRole("dialog", { name: effects("confirm.question", { number: EFFECTS_ORDERS.list, to: AWAITING }) });
  const box = confirm.getByRole("region", { name: effects("titleFor", { to: AWAITING }) });
  await expect(box.getByRole("listitem").filter({ hasText: EFFECTS_CUSTOMER.email })).toContainText(polish);
  await expect(box.getByRole("listitem").filter({ hasText: EFFECTS_RULE })).toBeVisible();
  await expect(confirm.getByRole("button", { name: effects("confirm.move", { to: AWAITING }) })).toBeFocused();
  await expectNoAxeViolations(page);

  // Escape goes back to the row unchanged; in again with the keyboard, the toggles change the effects.
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(trigger).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: AWAITING }).focus();
  await page.keyboard.press("Enter");
  await confirm.getByLabel("Send email", { exact: true }).uncheck();
  await expect(box.getByRole("listitem").first()).toContainText(effects("nothing"));
  await confirm.getByRole("button", { name: effects("confirm.move", { to: AWAITING }) }).focus();
  await page.keyboard.press("Enter");

  await expect(trigger).toHaveText(new RegExp(AWAITING));
});

test("the bulk form counts what the change will do to the selected orders", async ({ page }) => {
  await page.goto("/orders?q=E2E-EFFECTS-BULK-&sort=number&dir=asc");
  await expect(page.locator("tbody tr")).toHaveCount(3);
  await page.getByLabel("Select all orders on this page").check();
  await page.getByRole("button", { name: "Change status of selected" }).click();
  const dialog = page.getByRole("dialog", { name: "Change status of 3 orders" });
  await dialog.getByLabel("New status").selectOption({ label: AWAITING });

  const box = dialog.getByRole("region", { name: effects("bulk.title") });
  const lines = box.getByRole("listitem");
  await expect(lines.filter({ hasText: effects("bulk.changing", { count: 2, total: 3 }) })).toHaveCount(1);
  await expect(lines.filter({ hasText: effects("bulk.refused", { outcome: outcomes.not_allowed, count: 1 }) })).toHaveCount(1);
  await expect(lines.filter({ hasText: effects("bulk.emails", { count: 2 }) })).toHaveCount(1);
  await expect(lines.filter({ hasText: effects("bulk.rule", { name: EFFECTS_RULE, count: 2 }) })).toHaveCount(1);
  await expectNoAxeViolations(page);

  await dialog.getByLabel("Send email", { exact: true }).uncheck();
  await expect(lines.filter({ hasText: effects("nothing") })).toHaveCount(1);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator("tbody tr").filter({ hasText: EFFECTS_ORDERS.bulk[0] })).toContainText("Received");
});

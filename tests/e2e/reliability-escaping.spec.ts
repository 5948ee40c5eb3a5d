import { expect, test, type Page } from "@playwright/test";
import { BoardPage } from "./board-support";
import { XSS } from "./fixtures/reliability-escaping";
import { STAFF, openOrder, signIn } from "./support";

/** Fails the test if any page script ran a payload: a dialog opened or `window.__xss` was set. */
function watchForScripts(page: Page): () => Promise<void> {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return async () => {
    expect(dialogs, "no payload may open a dialog").toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss), "no payload may run").toBeUndefined();
  };
}

test("markup typed into names, channels and comments shows as text on the order page, the board and the tracking page", async ({ browser }) => {
  // Three pages and a change in one story: more than the default 30 s on a loaded machine.
  test.setTimeout(120_000);
  const staff = await browser.newPage();
  const checkStaff = watchForScripts(staff);
  await signIn(staff, STAFF);
  await openOrder(staff, "E2E-XSS-1");
  await expect(staff.getByText(XSS.name).first()).toBeVisible();

  // A customer-visible comment with markup, typed by staff.
  await staff.getByRole("textbox", { name: /Comment/ }).fill(XSS.comment);
  await staff.getByLabel("Comment visible to the customer").check();
  await staff.getByRole("button", { name: "Awaiting payment", exact: true }).click();
  await expect(staff.locator("header").getByText("Awaiting payment", { exact: true })).toBeVisible();
  await expect(staff.getByRole("list", { name: "Order history" }).getByText(XSS.comment)).toBeVisible();
  await staff.reload();
  await expect(staff.getByRole("list", { name: "Order history" }).getByText(XSS.comment)).toBeVisible();
  await checkStaff();
  const trackingUrl = await staff.getByLabel("Tracking link").inputValue();

  const board = new BoardPage(staff);
  await board.open("E2E-XSS-1");
  const card = staff.getByTestId("card-E2E-XSS-1");
  await expect(card).toBeVisible();
  await expect(card).toContainText(XSS.name);
  await checkStaff();

  const customer = await browser.newPage();
  const checkCustomer = watchForScripts(customer);
  await customer.goto(new URL(trackingUrl).pathname + "?lang=en");
  await expect(customer.getByRole("heading", { name: "Order E2E-XSS-1" })).toBeVisible();
  await expect(customer.getByText(XSS.comment)).toBeVisible();
  await checkCustomer();
  await customer.screenshot({ path: "test-results/reliability-escaping-track.png", fullPage: true });
});

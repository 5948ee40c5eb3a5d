import { expect, test, type Browser } from "@playwright/test";
import { createKeyInUi } from "./api-support";
import { BoardPage } from "./board-support";
import { XSS, XSS_ORDERS, XSS_WORKFLOW } from "./escaping-payloads";
import { watchForPayloads } from "./escaping-support";
import { ADMIN, STAFF, openOrder, signIn } from "./support";

// Markup in every field a person or a system types, shown on the board, the order page and the
// tracking page. The values are written where people write them (the fixture's workflow import,
// API calls and rules in tests/e2e/fixtures/reliability-escaping.ts, or typed here); each test
// then reads one page and checks each value is text and nothing ran or became an element.

const { status } = XSS_WORKFLOW;
const everything = XSS_ORDERS.everything;

/** The customer's tracking page of an order, as staff copy its link from the order page. */
async function trackingPath(browser: Browser, number: string): Promise<string> {
  const staff = await browser.newPage();
  await signIn(staff, STAFF);
  await openOrder(staff, number);
  const url = await staff.getByLabel("Tracking link").inputValue();
  await staff.close();
  return new URL(url).pathname;
}

test.describe("the board", () => {
  // Wide enough for all five columns side by side, so the keyboard drag reaches each of them.
  test.use({ viewport: { width: 2200, height: 1000 } });

  test("shows the order type, groups, statuses, cards, filters and a drag's messages as text", async ({ page }) => {
    test.setTimeout(90_000);
    const check = watchForPayloads(page);
    await signIn(page, STAFF);
    const board = new BoardPage(page);
    await board.open("E2E-XSS", XSS_WORKFLOW.type);

    await expect(page.getByLabel("Order type").locator("option:checked")).toHaveText(XSS.orderTypeName);
    for (const group of [XSS.groupNew, XSS.groupWork, XSS.groupDone, XSS.groupLost]) {
      await expect(page.getByRole("region", { name: `${group} group`, exact: true }).getByRole("heading").first()).toContainText(group);
    }
    const columns = [
      [status.new, XSS.statusNew],
      [status.pay, XSS.statusPay],
      [status.pack, XSS.statusPack],
      [status.done, XSS.statusDone],
      [status.lost, XSS.statusLost],
    ] as const;
    for (const [code, name] of columns) await expect(board.column(code).getByRole("heading")).toHaveText(name);
    const card = board.card(XSS_ORDERS.onBoard);
    for (const text of [XSS.customerName, XSS.channel, XSS.courier]) await expect(card).toContainText(text);
    await expect(page.getByLabel("Sales channel").locator("option", { hasText: XSS.channel })).toHaveCount(1);
    await expect(page.getByLabel("Courier").locator("option", { hasText: XSS.courier })).toHaveCount(1);
    await expect(page.getByLabel("Payment method").locator("option", { hasText: XSS.paymentMethod })).toHaveCount(1);
    await check();

    // In the air, the columns the process refuses say why, naming statuses...
    await board.lift(XSS_ORDERS.onBoard);
    await expect(board.column(status.pack).getByTestId("drop-reason")).toHaveText(`Not allowed from ${XSS.statusNew}`);
    // ...and a drop there is refused in a message naming both.
    await board.carry(["ArrowRight", "ArrowRight"]);
    await board.drop();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(`Order ${XSS_ORDERS.onBoard} cannot move to ${XSS.statusPack}: Not allowed from ${XSS.statusNew}.`);
    await check();

    // A drop into a status with comment templates asks for the details, in its name.
    await board.dragWithKeyboard(XSS_ORDERS.onBoard, ["ArrowRight"]);
    const dialog = page.getByRole("dialog", { name: `Move ${XSS_ORDERS.onBoard} to ${XSS.statusPay}` });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Comment template").selectOption({ label: XSS.templateTitle });
    await expect(dialog.getByRole("textbox", { name: /^Comment/ })).toHaveValue(XSS.templateBody);
    await expect(dialog.getByText(`${XSS.statusPay} sends no customer messages.`, { exact: true })).toBeVisible();
    await expect(dialog.getByRole("button", { name: `Move to ${XSS.statusPay}`, exact: true })).toBeVisible();
    await check();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
  });
});

test("the order page shows what the API, the rules, the workflow and the customer typed as text", async ({ page }) => {
  test.setTimeout(60_000);
  const check = watchForPayloads(page);
  await signIn(page, STAFF);
  await openOrder(page, everything);

  const header = page.locator("header").filter({ has: page.getByRole("heading", { name: `Order ${everything}` }) });
  await expect(header).toContainText(XSS.statusPay);
  await expect(header).toContainText(`${XSS.orderTypeName} · ${XSS.channel} ·`);

  // The next statuses, one behind the payment gate with the reason, and their comment templates.
  await expect(page.getByRole("button", { name: XSS.statusLost, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: XSS.statusPack, exact: true })).toBeVisible();
  await expect(page.getByText(`Payment required before ${XSS.statusPack}`, { exact: true })).toBeVisible();
  await page.getByLabel("Comment template").selectOption({ label: XSS.templateTitle });
  await expect(page.getByRole("textbox", { name: /^Comment/ })).toHaveValue(XSS.templateBody);

  const items = page.locator("table").filter({ hasText: "Amount" });
  await expect(items).toContainText(XSS.itemName);
  await expect(items).toContainText(XSS.sku);
  for (const text of [XSS.customerName, XSS.customerPhone, XSS.street, XSS.postalCode, XSS.city, XSS.paymentMethod, XSS.shippingMethod]) {
    await expect(page.getByText(text).first(), text).toBeVisible();
  }
  await expect(page.getByRole("combobox", { name: "Courier" }).locator("option:checked")).toHaveText(XSS.courier);

  // The history: statuses, who acted (the key's name, the rules' names) and what they wrote.
  const history = page.getByRole("list", { name: "Order history" });
  const entry = (text: string) => history.getByRole("listitem").filter({ hasText: text });
  await expect(entry("Order created in")).toContainText(XSS.statusNew);
  await expect(entry("Order created in")).toContainText(`${XSS.apiKeyName} (api)`);
  for (const name of [XSS.statusNew, XSS.statusPay]) await expect(entry(XSS.apiComment)).toContainText(name);
  await expect(entry("Checked by a rule")).toContainText(`${XSS.ruleName} (automation)`);
  const failed = entry("Automation failed");
  await expect(failed.getByRole("link", { name: XSS.failingRuleName, exact: true })).toBeVisible();
  await expect(failed).toContainText(`Cannot change from ${XSS.statusPay} to ${XSS.statusDone}`);
  await expect(entry("Payment of")).toContainText(XSS.paymentReference);
  await check();
});

test("the tracking page shows the customer's labels, comment and items as text", async ({ browser }) => {
  test.setTimeout(60_000);
  const path = await trackingPath(browser, everything);
  const customer = await browser.newPage();
  const check = watchForPayloads(customer);
  await customer.goto(`${path}?lang=en`);
  await expect(customer.getByRole("heading", { name: `Order ${everything}` })).toBeVisible();

  // Only the first word of the name is shown: the payload's first word.
  await expect(customer.getByText("Hello, <img!", { exact: true })).toBeVisible();
  // The current status in English (its translation), then the history with the first label.
  await expect(customer.locator("main section").first()).toContainText(XSS.translatedLabel);
  const timeline = customer.getByRole("list", { name: "History" });
  await expect(timeline).toContainText(XSS.customerLabel);
  await expect(timeline).toContainText(XSS.apiComment);
  await expect(customer.getByText(`1 × ${XSS.itemName}`, { exact: true })).toBeVisible();
  await check();
});

test("a comment staff type shows as text on the order page, the board and the tracking page", async ({ browser }) => {
  // Three pages and a change in one story: more than the default 30 s on a loaded machine.
  test.setTimeout(120_000);
  const staff = await browser.newPage();
  const checkStaff = watchForPayloads(staff);
  await signIn(staff, STAFF);
  await openOrder(staff, "E2E-XSS-1");
  await expect(staff.getByText(XSS.customerName).first()).toBeVisible();

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
  const card = board.card("E2E-XSS-1");
  await expect(card).toContainText(XSS.customerName);
  await expect(card).toContainText(XSS.channel);
  await checkStaff();

  const customer = await browser.newPage();
  const checkCustomer = watchForPayloads(customer);
  await customer.goto(new URL(trackingUrl).pathname + "?lang=en");
  await expect(customer.getByRole("heading", { name: "Order E2E-XSS-1" })).toBeVisible();
  await expect(customer.getByText(XSS.comment)).toBeVisible();
  await checkCustomer();
});

test("markup in an order number or a tracking number is refused where it is typed, so no page shows one", async ({ page, request }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN);
  const headers = { authorization: `Bearer ${await createKeyInUi(page, "E2E escaping ERP", "write")}` };
  const created = await request.post("/api/v1/orders", {
    headers,
    data: { number: XSS.orderNumber, orderTypeCode: "retail", channel: "shop", customer: { name: "Ewa" }, items: [{ sku: "A", name: "A", quantity: 1, unitPrice: 100 }], paymentMethod: "transfer" },
  });
  expect(created.status()).toBe(422);
  expect((await created.json()).errors).toHaveProperty("number");
  const order = XSS_ORDERS.awaitingTransfer;
  const patched = await request.patch(`/api/v1/orders/${order}`, { headers, data: { trackingNumber: XSS.trackingNumber } });
  expect(patched.status()).toBe(422);
  expect((await patched.json()).errors).toHaveProperty("trackingNumber");

  // Typed by staff on the order page: refused next to the field, and the order keeps its own.
  await openOrder(page, order);
  const trackingNumber = page.getByRole("textbox", { name: "Tracking number" });
  const before = await trackingNumber.inputValue();
  await trackingNumber.fill(XSS.trackingNumber);
  await page.getByRole("button", { name: "Save tracking" }).click();
  await expect(page.getByText("A tracking number has only letters, digits and dashes")).toBeVisible();
  await page.reload();
  await expect(trackingNumber).toHaveValue(before);
});

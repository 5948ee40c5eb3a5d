import { expect, test, type Page } from "@playwright/test";
import { XSS, XSS_ORDERS } from "./escaping-payloads";
import { watchForPayloads } from "./escaping-support";
import { ADMIN, STAFF, openOrder, signIn } from "./support";

// Shop settings are one row every customer page reads, so this spec runs in the "shop-settings"
// project (playwright.config.ts), one test at a time with the other specs that change or read
// them, and puts the values back afterwards.

const COURIER = "xss_post";
const TRACKING_NUMBER = "XSS0042"; // set on the order by the fixture

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const TEXT_FIELDS = { shopName: "Shop name", supportEmail: "Support email", supportPhone: "Support phone", bankAccount: "Bank account for transfers" };
type Values = Record<keyof typeof TEXT_FIELDS, string>;

async function fillSettings(page: Page, values: Values) {
  for (const [name, label] of Object.entries(TEXT_FIELDS)) await field(page, label).fill(values[name as keyof Values]);
}

async function saveSettings(page: Page) {
  await page.getByRole("button", { name: "Save settings" }).click();
}

let restore: (() => Promise<void>) | undefined;
test.afterEach(async () => {
  await restore?.();
  restore = undefined;
});

test("shop settings an admin types with markup show as text on the customer's tracking page", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const admin = watchForPayloads(page);
  await signIn(page, ADMIN);
  await page.goto("/admin/settings");
  const saved = Object.fromEntries(
    await Promise.all(Object.entries(TEXT_FIELDS).map(async ([name, label]) => [name, await field(page, label).inputValue()])),
  ) as Values;
  restore = async () => {
    await page.goto("/admin/settings");
    await fillSettings(page, saved);
    const couriers = await page.getByLabel(/^Courier \d+$/).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    if (couriers.includes(COURIER)) await page.getByRole("button", { name: "Remove" }).nth(couriers.indexOf(COURIER)).click();
    await saveSettings(page);
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Settings saved.");
  };

  // An address with markup is refused next to its field (the refused form comes back as last saved).
  await field(page, TEXT_FIELDS.supportEmail).fill(XSS.supportEmail);
  await saveSettings(page);
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  // So is a phone that is not a number.
  await fillSettings(page, { ...saved, supportPhone: XSS.supportPhone });
  await saveSettings(page);
  await expect(page.getByText(/^Enter a phone number/)).toBeVisible();

  await fillSettings(page, { ...saved, shopName: XSS.shopName, bankAccount: XSS.bankAccount });
  await page.getByRole("button", { name: "Add courier" }).click();
  await page.getByLabel(/^Courier \d+$/).last().fill(COURIER);
  await page.getByLabel(/^Tracking link for courier \d+$/).last().fill(XSS.courierLink);
  await saveSettings(page);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Settings saved.");
  await page.reload();
  for (const name of ["shopName", "bankAccount"] as const) await expect(field(page, TEXT_FIELDS[name])).toHaveValue(XSS[name]);
  await admin();

  // The customer of an order awaiting a transfer, with a parcel on its way.
  const staff = await browser.newPage();
  await signIn(staff, STAFF);
  await openOrder(staff, XSS_ORDERS.awaitingTransfer);
  const trackingUrl = await staff.getByLabel("Tracking link").inputValue();
  await staff.close();
  const customer = await browser.newPage();
  const check = watchForPayloads(customer);
  await customer.goto(`${new URL(trackingUrl).pathname}?lang=en`);
  await expect(customer.getByRole("heading", { name: `Order ${XSS_ORDERS.awaitingTransfer}` })).toBeVisible();
  await expect(customer.locator("header").first()).toContainText(XSS.shopName);
  await expect(customer.getByText(XSS.bankAccount, { exact: true })).toBeVisible();
  await expect(customer.getByRole("link", { name: "Track the parcel" })).toHaveAttribute("href", XSS.courierLink.replace("{trackingNumber}", TRACKING_NUMBER));
  await check();
});

import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./support";

test("an admin's settings reach the customer's tracking page; bad values are refused field by field", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { name: "Shop settings" })).toBeVisible();

  await page.getByLabel("Brand colour").fill("blue");
  await page.getByLabel("App address").fill("not a url");
  await page.getByRole("button", { name: "Add courier" }).click();
  const newCourier = page.getByLabel(/^Courier \d+$/).last();
  const newLink = page.getByLabel(/^Tracking link for courier \d+$/).last();
  await newCourier.fill("ambro_express");
  await newLink.fill("https://ambroexpress.pl/");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use a colour like #1d4ed8")).toBeVisible();
  await expect(page.getByText(/Enter the address customers open/)).toBeVisible();
  await expect(page.getByText("Put {trackingNumber} where the parcel number goes")).toBeVisible();

  await page.getByLabel("Brand colour").fill("#0f766e");
  await page.getByLabel("App address").fill("http://127.0.0.1:3100");
  await newLink.fill("https://ambroexpress.pl/track?n={trackingNumber}");
  await page.getByLabel("Bank account for transfers").fill("PL27 1140 2004 0000 3002 0135 5387");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Settings saved.");
  await page.reload();
  await expect(page.locator('input[name="courierTrackingLinks"]')).toHaveValue(/"ambro_express":"https:\/\/ambroexpress\.pl\/track\?n=\{trackingNumber\}"/);

  await page.goto("/track?lang=pl");
  await page.getByLabel("Numer zamówienia").fill("E2E-SET-1");
  await page.getByLabel("Adres e-mail").fill("ewa.testowa@example.com");
  await page.getByRole("button", { name: "Sprawdź" }).click();
  await expect(page.getByText("PL27 1140 2004 0000 3002 0135 5387")).toBeVisible();
  await expect(page.locator("header").first()).toHaveCSS("background-color", "rgb(15, 118, 110)");
});

test("a mistyped seller NIP is refused next to the field and nothing is saved", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/settings");
  const taxId = page.getByLabel("Tax ID (NIP)");
  const saved = await taxId.inputValue();
  await taxId.fill("526-025-02-75"); // one digit off a valid NIP: the check digit no longer matches
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("This NIP's check digit does not match: please check it for a typo")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Tax ID (NIP)")).toHaveValue(saved);
});

test("a link that is not a web address and a phone that is not a number are refused next to their fields", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/settings");
  await page.getByLabel("Support phone").fill("<script>alert(1)</script>");
  await page.getByLabel("App address").fill("javascript:alert(document.cookie)");
  await page.getByRole("button", { name: "Add courier" }).click();
  await page.getByLabel(/^Courier \d+$/).last().fill("evil_post");
  await page.getByLabel(/^Tracking link for courier \d+$/).last().fill("javascript:alert(1)//{trackingNumber}");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/^Enter a phone number/)).toBeVisible();
  await expect(page.getByText("Use an http or https address")).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath("settings-refused.png"), fullPage: true });
  await page.reload();
  await expect(page.locator('input[name="courierTrackingLinks"]')).not.toHaveValue(/evil_post/);
});

test("courier links the server cannot read are refused by the field and the saved links survive", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/settings");
  const links = page.locator('input[name="courierTrackingLinks"]');
  const saved = await links.inputValue();
  expect(Object.keys(JSON.parse(saved) as object).length).toBeGreaterThan(0);
  // The links editor always sends JSON; a cut-off or tampered request sends text like this.
  await links.evaluate((input: HTMLInputElement) => (input.value = '{"inpost":'));
  await page.getByRole("button", { name: "Save settings" }).click();
  const fieldset = page.getByRole("group", { name: "Courier tracking links" });
  await expect(fieldset.getByText(/^The courier tracking links could not be read/)).toBeVisible();
  await fieldset.screenshot({ path: testInfo.outputPath("courier-links-refused.png") });
  await page.reload();
  await expect(links).toHaveValue(saved);
});

// A 1×1 PNG: the smallest image the settings accept as a logo.
const PIXEL_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

test("an admin picks a logo, sees it and its file's name before saving, and customers see it until it is removed", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/settings");
  await expect(page.getByText("No file chosen")).toBeVisible();
  await page.getByLabel(/^Logo/).setInputFiles({ name: "sklep-logo.png", mimeType: "image/png", buffer: PIXEL_PNG });
  await expect(page.getByText("sklep-logo.png", { exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: "Current logo" })).toHaveAttribute("src", /^data:image\/png;base64,/);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Settings saved.");

  const trackingHeader = async () => {
    await page.goto("/track?lang=pl");
    await page.getByLabel("Numer zamówienia").fill("E2E-SET-1");
    await page.getByLabel("Adres e-mail").fill("ewa.testowa@example.com");
    await page.getByRole("button", { name: "Sprawdź" }).click();
    return page.locator("header").first();
  };
  await expect((await trackingHeader()).locator("img")).toHaveAttribute("src", /^data:image\/png;base64,/);

  // Removed again, so the shop's tracking page is as the other specs expect it.
  await page.goto("/admin/settings");
  await page.getByRole("button", { name: "Remove logo" }).click();
  await expect(page.getByRole("img", { name: "Current logo" })).toHaveCount(0);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Settings saved.");
  await expect((await trackingHeader()).locator("img")).toHaveCount(0);
});

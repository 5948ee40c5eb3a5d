import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { emailDocumentToCustomer, issueInvoice, pdfText } from "./documents-support";
import { ADMIN, openOrder, signIn } from "./support";

/** Searches the sent emails for an order and waits for the worker to deliver its (or its `subject`'s) one. */
async function findSentEmail(page: Page, order: string, subject?: string) {
  await page.goto("/admin/mailbox?kind=email&state=sent");
  await expect(page.getByRole("heading", { name: "Mailbox" })).toBeVisible();
  // Every spec's orders send mail: find this order's among them with the search.
  await page.getByLabel("Order or recipient").fill(order.toLowerCase());
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${order.toLowerCase()}`));
  const row = page.getByRole("row").filter({ hasText: order }).filter({ hasText: subject ?? order });
  await expect(async () => {
    await page.reload();
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(row).toContainText("Sent");
  return row;
}

test("an admin reads the email a customer got, rendered, with their typed markup shown as text", async ({ page }) => {
  // The in-app worker works through every fixture's messages after the server starts.
  test.slow();
  await signIn(page, ADMIN);
  const row = await findSentEmail(page, "E2E-MAIL-1");
  await row.getByRole("link").first().click();

  await expect(page.getByRole("heading", { name: /Zamówienie E2E-MAIL-1/ })).toBeVisible();
  const email = page.frameLocator('iframe[title="Email preview"]');
  await expect(email.getByText("Dzień dobry <b>Maria</b>", { exact: false })).toBeVisible();
  await expect(email.getByText("Sprawdź status zamówienia")).toBeVisible();
  await expect(email.locator("b")).toHaveCount(0);
});

test("an emailed invoice shows as the message's attachment, and its link downloads that PDF", async ({ page }) => {
  test.slow();
  await signIn(page, ADMIN);
  await openOrder(page, "E2E-MAIL-DOC");
  const invoice = await issueInvoice(page);
  await emailDocumentToCustomer(page);

  const row = await findSentEmail(page, "E2E-MAIL-DOC", invoice);
  await row.getByRole("link").first().click();
  const fileName = `${invoice.replaceAll("/", "-")}_E2E-MAIL-DOC.pdf`;
  const attachment = page.getByRole("link", { name: fileName });
  await expect(attachment).toBeVisible();

  const response = await page.request.get((await attachment.getAttribute("href"))!);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const downloading = page.waitForEvent("download");
  await attachment.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 4).toString()).toBe("%PDF");
  expect(await pdfText(bytes)).toContain(`Faktura VAT ${invoice}`);
});

test("staff cannot open the mailbox", async ({ page }) => {
  await signIn(page, { email: "staff@example.com", password: "demo-staff" });
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL(/\/forbidden/);
});

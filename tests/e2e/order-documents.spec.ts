import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { documentsCard, emailDocumentToCustomer, issueInvoice, pdfText } from "./documents-support";
import { ADMIN, STAFF, openOrder, signIn } from "./support";

// Staff, admin and customer take turns, and PDFs are generated: more steps than the default allows.
test.describe.configure({ timeout: 180_000 });

test("staff issue an invoice, download it and email it to the customer", async ({ page }) => {
  await signIn(page, STAFF);
  await openOrder(page, "E2E-DOC-1");
  const card = documentsCard(page);
  await expect(card.getByText("No documents yet.")).toBeVisible();

  const number = await issueInvoice(page);
  await expect(card.getByRole("button", { name: "Issue invoice" })).toBeDisabled();
  await expect(page.getByText(`Invoice ${number} issued`)).toBeVisible();

  const downloading = page.waitForEvent("download");
  await card.getByRole("link", { name: `Download Invoice ${number} (PDF)` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${number.replaceAll("/", "-")}_E2E-DOC-1.pdf`);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(bytes);
  expect(text).toContain(`Faktura VAT ${number}`);
  expect(text).toContain("E2E-DOC-1");
  expect(text).toContain("Zofia Łęcka");
  expect(text).toContain("Razem: 49,99 zł");
  expect(text).toContain("Słownie: czterdzieści dziewięć złotych 99/100");

  await emailDocumentToCustomer(page);
  await expect(page.getByText(`Invoice ${number} emailed to ewa.testowa@example.com`)).toBeVisible();
});

test("customers download documents from the tracking page only while the status allows it", async ({ browser }) => {
  const staff = await browser.newPage();
  await signIn(staff, STAFF);
  await openOrder(staff, "E2E-DOC-TRACK");
  const number = await issueInvoice(staff);
  const trackingUrl = await staff.getByRole("textbox", { name: "Tracking link" }).inputValue();
  const token = new URL(trackingUrl).pathname.split("/").pop()!;
  const documentHref = await documentsCard(staff).getByRole("link", { name: /Download Invoice/ }).getAttribute("href");
  const documentId = documentHref!.split("/").pop();

  const customer = await (await browser.newContext()).newPage();
  await customer.goto(`/track/${token}?lang=pl`);
  await expect(customer.getByRole("heading", { name: "Zamówienie E2E-DOC-TRACK" })).toBeVisible();
  await expect(customer.getByRole("heading", { name: "Dokumenty" })).toHaveCount(0);
  expect((await customer.request.get(`/track/${token}/documents/${documentId}`)).status()).toBe(404);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN);
  await admin.goto("/admin/statuses/complaint_pending");
  await admin.getByLabel("Customers can download documents on the tracking page").check();
  await admin.getByRole("button", { name: "Save status" }).click();
  await expect(admin.getByText(/saved/i).first()).toBeVisible();

  await customer.reload();
  await expect(customer.getByRole("heading", { name: "Dokumenty" })).toBeVisible();
  const downloading = customer.waitForEvent("download");
  await customer.getByRole("link", { name: `Pobierz Faktura ${number} (PDF)` }).click();
  const download = await downloading;
  const bytes = await readFile((await download.path())!);
  expect(await pdfText(bytes)).toContain("E2E-DOC-TRACK");

  // Another order's token never opens this document.
  expect((await customer.request.get(`/track/AAAAAAAAAAAAAAAAAAAAAA/documents/${documentId}`)).status()).toBe(404);
  // Staff download needs a session.
  expect((await customer.request.get(`/orders/E2E-DOC-TRACK/documents/${documentId}`)).status()).toBe(401);

  // Switched off again: the list and the download disappear.
  await admin.goto("/admin/statuses/complaint_pending");
  await admin.getByLabel("Customers can download documents on the tracking page").uncheck();
  await admin.getByRole("button", { name: "Save status" }).click();
  await expect(admin.getByText(/saved/i).first()).toBeVisible();
  await customer.reload();
  await expect(customer.getByRole("heading", { name: "Dokumenty" })).toHaveCount(0);
  expect((await customer.request.get(`/track/${token}/documents/${documentId}`)).status()).toBe(404);
});

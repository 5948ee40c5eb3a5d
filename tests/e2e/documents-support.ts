import { expect, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";

/** A PDF's text as PDF.js reads it, whitespace folded, for checks that do not care about layout. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

export const documentsCard = (page: Page) => page.locator("section", { has: page.getByRole("heading", { name: "Documents", exact: true }) });

/** Issues the invoice from the order page and returns its number. */
export async function issueInvoice(page: Page): Promise<string> {
  await documentsCard(page).getByRole("button", { name: "Issue invoice" }).click();
  const issued = documentsCard(page).getByRole("status").filter({ hasText: /issued\./ });
  await expect(issued).toBeVisible();
  const number = /FV\/\d{4}\/\d{4,}/.exec((await issued.textContent()) ?? "")?.[0];
  expect(number).toBeTruthy();
  return number!;
}

/** Emails the order's document to the customer from the order page, confirming as staff do. */
export async function emailDocumentToCustomer(page: Page) {
  const card = documentsCard(page);
  await card.getByRole("button", { name: "Email to customer" }).click();
  await card.getByRole("button", { name: "Send" }).click();
  await expect(card.getByText("Email queued to the customer with the document attached.")).toBeVisible();
}

import { expect, test } from "@playwright/test";
import { messages } from "@/lib/i18n/messages";
import { DUPLICATE_ORDER } from "./fixtures/duplicates";
import { ADMIN, STAFF, expectNoAxeViolations, openOrder, signIn } from "./support";

test.use({ locale: "en-US" });
test.setTimeout(90_000);

const { order: orderTexts, mailbox: mailboxTexts } = messages.en;

test("asking for payment twice within the window emails the customer once; the repeat is skipped with its reason", async ({ page, browser }) => {
  await signIn(page, STAFF);
  await openOrder(page, DUPLICATE_ORDER);
  const moveTo = page.getByRole("group", { name: orderTexts.change.moveTo });
  // Received → Awaiting payment (the email), → In progress, → Awaiting payment again (a surcharge).
  for (const status of ["Awaiting payment", "In progress", "Awaiting payment"]) {
    await moveTo.getByRole("button", { name: status, exact: true }).click();
    await expect(page.getByRole("main").getByRole("status").filter({ hasText: DUPLICATE_ORDER })).toBeVisible();
    await page.reload();
  }

  const history = page.getByRole("list", { name: orderTexts.history.list }).getByRole("listitem");
  const latest = history.first().getByRole("group", { name: orderTexts.history.notifications });
  await expect(latest).toContainText(orderTexts.history.states.skipped);
  // The first request for payment is the one message the customer gets.
  const first = history.nth(2).getByRole("group", { name: orderTexts.history.notifications });
  await expect(first).not.toContainText(orderTexts.history.states.skipped);
  await expectNoAxeViolations(page);

  const admin = await browser.newContext({ locale: "en-US" });
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADMIN);
  await adminPage.goto(`/admin/mailbox?q=${DUPLICATE_ORDER}`);
  // Among the order's emails (created, awaiting payment, in progress, awaiting payment again),
  // only the repeat is skipped, and it names the message it repeats.
  const rows = adminPage.getByRole("row").filter({ hasText: "dorota.doplata@example.com" });
  await expect(rows.first()).toBeVisible();
  const skipped = rows.filter({ hasText: mailboxTexts.states.skipped });
  await expect(skipped).toHaveCount(1);
  await expect(skipped).toContainText(mailboxTexts.reasons.duplicate.replace(/ \(#\{id\}\)\.$/, ""));
  await expectNoAxeViolations(adminPage, { exclude: ["iframe[sandbox]"] });
  await admin.close();
});

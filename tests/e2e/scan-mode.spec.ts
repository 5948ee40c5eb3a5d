import { expect, test } from "@playwright/test";
import { STAFF, openOrder, signIn } from "./support";

test("scan mode moves each scanned order or says why not, once per order, with a running tally", async ({ page }) => {
  await signIn(page, STAFF);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scan" }).click();
  await page.getByLabel("Move scanned orders to").selectOption({ label: "Awaiting dispatch" });
  const field = page.getByLabel("Order number");
  await expect(field).toBeFocused();
  const result = page.getByTestId("scan-result");

  // A scanner types the number and presses Enter.
  await field.pressSequentially("E2E-SCAN-1");
  await field.press("Enter");
  await expect(result).toContainText("Moved: E2E-SCAN-1");

  await field.fill("E2E-SCAN-3");
  await field.press("Enter");
  await expect(result).toContainText("Not allowed: E2E-SCAN-3");
  // Worded from the refusal's code in the reader's language, not from the server's message.
  await expect(result).toContainText("This status cannot move to “Awaiting dispatch”.");

  await field.fill("E2E-SCAN-1");
  await field.press("Enter");
  await expect(result).toContainText("Already scanned: E2E-SCAN-1");

  await field.fill("NO-SUCH-ORDER");
  await field.press("Enter");
  await expect(result).toContainText("Unknown order: NO-SUCH-ORDER");

  await field.fill("E2E-SCAN-2");
  await field.press("Enter");
  await expect(result).toContainText("Moved: E2E-SCAN-2");

  const tally = page.getByRole("list", { name: "Tally" });
  await expect(tally).toContainText("Moved: 2");
  await expect(tally).toContainText("Not allowed: 1");
  await expect(tally).toContainText("Already scanned: 1");
  await expect(tally).toContainText("Unknown order: 1");

  await openOrder(page, "E2E-SCAN-1");
  const items = page.getByRole("list", { name: "Order history" }).getByRole("listitem");
  await expect(items.first()).toContainText("Awaiting dispatch");
  // Scanned twice, moved once.
  await expect(items.filter({ hasText: "Awaiting dispatch" })).toHaveCount(1);
});

import { expect, test } from "@playwright/test";
import { BoardPage } from "./board-support";
import { STAFF, openOrder, signIn } from "./support";

test.use({ viewport: { width: 2200, height: 1000 } });

test("a change made elsewhere appears on an open board within 5 seconds, without a reload", async ({ page, browser }) => {
  await signIn(page, STAFF);
  const board = new BoardPage(page);
  await board.open("E2E-BOARD-LIVE");
  await expect(board.column("received").getByTestId("card-E2E-BOARD-LIVE")).toBeVisible();
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, STAFF);
  await openOrder(otherPage, "E2E-BOARD-LIVE");
  await otherPage.getByRole("button", { name: "Cancelled" }).click();
  await expect(otherPage.getByRole("status").filter({ hasText: "changed" })).toBeVisible();
  await other.close();

  await expect(board.column("cancelled").getByTestId("card-E2E-BOARD-LIVE")).toBeVisible({ timeout: 5_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

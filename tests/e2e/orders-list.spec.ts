import { expect, test } from "@playwright/test";
import { STAFF, signIn, signInAnyLanguage } from "./support";

test("staff find an order by customer name and status, then open it", async ({ page }) => {
  await signIn(page, STAFF);
  await page.getByLabel("Search").fill("wyszukiwalska");
  await page.getByLabel("Status").selectOption({ label: "Unconfirmed" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=wyszukiwalska/);
  // Body rows only: the header row holds the sort links.
  const rows = page.locator("tbody").getByRole("row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Zofia Wyszukiwalska");
  await expect(rows.first()).toContainText("Unconfirmed");

  await page.getByLabel("Status").selectOption({ label: "Shipped" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No orders match these filters.")).toBeVisible();

  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/orders$/);
  await expect(page.getByLabel("Search")).toHaveValue("");
  await page.getByLabel("Search").fill("E2E-LIST-1");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: "E2E-LIST-1" }).click();
  await expect(page.getByRole("heading", { name: "Order E2E-LIST-1" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Order history" })).toContainText("Order created in");
});

test("staff find an order by the customer's phone, typed their own way, and by an item's SKU", async ({ page }) => {
  await signIn(page, STAFF);
  const rows = page.locator("tbody").getByRole("row");
  // Stored as +48731902468; typed without the country code, with dashes.
  for (const typed of ["731-902-468", "+48 731 902 468", "e2e-szukaj-77"]) {
    await page.getByLabel("Search").fill(typed);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(typed);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("E2E-LIST-2");
  }
});


test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });

  test("staff narrow the list to a sales channel picked by its name, and the order says the same", async ({ page }) => {
    await signInAnyLanguage(page, STAFF);
    await page.goto("/orders");
    await page.getByLabel("Kanał sprzedaży").selectOption({ label: "Telefon" });
    await page.getByRole("button", { name: "Filtruj" }).click();
    // The menu shows the name; the URL, like the API and the rules, keeps the code.
    await expect(page).toHaveURL(/channel=phone/);
    const rows = page.locator("tbody").getByRole("row");
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) await expect(row.getByRole("cell").nth(5)).toHaveText("Telefon");
    await expect(page.getByLabel("Kanał sprzedaży")).toHaveValue("phone");

    const number = (await rows.first().getByRole("link").first().textContent())!.trim();
    await rows.first().getByRole("link", { name: number }).click();
    await expect(page.getByRole("heading", { name: `Zamówienie ${number}` })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(" · Telefon · ");
  });
});

import { expect, test, type Page } from "@playwright/test";
import { importDocument, ownDocument, uid } from "./admin-support";
import { ADMIN } from "./support";

/**
 * The matrix grid and the picture show only the order type's statuses (its initial status and
 * those in its matrix); another of the shop's statuses joins through the add control, as a row
 * and a column without transitions, and stays once a change to it is saved. The picture's labels
 * are at least 12 px at its default size and it fits the width. Its own order type and statuses.
 */

// By the fields' names, not their labels: the sign-in page speaks the browser's language.
test.beforeEach(async ({ page }) => {
  test.slow();
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(ADMIN.email);
  await page.locator('input[name="password"]').fill(ADMIN.password);
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/orders$/);
});

const cell = (page: Page, from: string, to: string) => page.getByRole("button", { name: new RegExp(`^${from} → ${to}: `) });
const rowNames = (page: Page) =>
  page.getByRole("grid").locator("tbody th[scope=row] span.font-medium").allTextContents();

/** Every label of the picture as drawn: its font size times the picture's zoom, in CSS pixels. */
async function drawnLabelSizes(page: Page): Promise<number[]> {
  return page.getByTestId("workflow-graph").evaluate((graph) => {
    const viewport = graph.querySelector<HTMLElement>(".react-flow__viewport");
    if (!viewport) return [];
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    return [...graph.querySelectorAll<HTMLElement>("[data-label]")].map((label) => parseFloat(getComputedStyle(label).fontSize) * zoom);
  });
}

/** Whether every status and group box of the picture lies within the frame's width. */
async function fitsTheWidth(page: Page): Promise<boolean> {
  return page.getByTestId("workflow-graph").evaluate((graph) => {
    const frame = graph.getBoundingClientRect();
    const boxes = [...graph.querySelectorAll(".react-flow__node")].map((n) => n.getBoundingClientRect());
    return boxes.length > 0 && boxes.every((b) => b.left >= frame.left - 0.5 && b.right <= frame.right + 0.5);
  });
}

test("the grid lists only the order type's statuses; an added one appears without transitions and stays once ticked", async ({ page }) => {
  const id = uid();
  await importDocument(page, ownDocument(id, { transitions: [[`start_${id}`, `pay_${id}`]] }));
  await page.getByRole("button", { name: "Apply import" }).click();
  await page.getByRole("button", { name: "Apply all changes" }).click();
  await expect(page.getByText("Imported.")).toBeVisible();

  await page.goto(`/admin/workflows/io_${id}`);
  // Start (initial) and Pay (in the matrix); not Stop, nor any status of the demo shop.
  await expect(cell(page, `Start ${id}`, `Pay ${id}`)).toHaveAttribute("aria-pressed", "true");
  expect(await rowNames(page)).toEqual([`Start ${id}`, `Pay ${id}`]);

  // The add control offers the shop's other statuses; Stop joins as a row and a column, all forbidden.
  const add = page.getByLabel("Add a status to this order type");
  // Exactly "Received": the return process's "Return parcel received" contains the word too.
  await expect(add.locator("option", { hasText: /^\s*Received\s*$/ })).toHaveCount(1);
  await expect(add.locator("option", { hasText: `Start ${id}` })).toHaveCount(0);
  await add.selectOption({ label: `Stop ${id}` });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByText(`Stop ${id} added: allow a change from or to it to keep it in this process.`)).toBeVisible();
  expect(await rowNames(page)).toEqual([`Start ${id}`, `Pay ${id}`, `Stop ${id}`]);
  await expect(cell(page, `Pay ${id}`, `Stop ${id}`)).toHaveAttribute("aria-pressed", "false");
  await expect(cell(page, `Stop ${id}`, `Start ${id}`)).toHaveAttribute("aria-pressed", "false");
  await expect(add.locator("option", { hasText: `Stop ${id}` })).toHaveCount(0);
  // Adding saved nothing: still the one allowed change.
  await expect(page.getByText("1 allowed change", { exact: true })).toBeVisible();

  // Ticked: saved through the matrix's own action and lint, so it is part of the order type now.
  await cell(page, `Pay ${id}`, `Stop ${id}`).click();
  await expect(page.getByText(`Pay ${id} → Stop ${id} allowed.`)).toBeVisible();
  await page.reload();
  expect(await rowNames(page)).toEqual([`Start ${id}`, `Pay ${id}`, `Stop ${id}`]);
  await expect(cell(page, `Pay ${id}`, `Stop ${id}`)).toHaveAttribute("aria-pressed", "true");

  // The picture draws the same statuses, and nothing else.
  await page.getByRole("button", { name: "Picture", exact: true }).click();
  const nodes = page.getByTestId("workflow-graph").locator(".react-flow__node-status");
  await expect(nodes).toHaveCount(3);
  await expect(nodes.filter({ hasText: "Received" })).toHaveCount(0);
});

test("an added status that is never ticked is gone after a reload: nothing was saved", async ({ page }) => {
  const id = uid();
  await importDocument(page, ownDocument(id, { transitions: [[`start_${id}`, `pay_${id}`]] }));
  await page.getByRole("button", { name: "Apply import" }).click();
  await page.getByRole("button", { name: "Apply all changes" }).click();
  await expect(page.getByText("Imported.")).toBeVisible();
  await page.goto(`/admin/workflows/io_${id}`);
  await page.getByLabel("Add a status to this order type").selectOption({ label: `Stop ${id}` });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  expect(await rowNames(page)).toContain(`Stop ${id}`);
  await page.reload();
  expect(await rowNames(page)).toEqual([`Start ${id}`, `Pay ${id}`]);
});

for (const { locale, picture, width } of [
  { locale: "en-GB", picture: "Picture", width: 1280 },
  { locale: "pl-PL", picture: "Diagram", width: 1024 },
]) {
  test.describe(`the retail picture at ${width} px (${locale})`, () => {
    test.use({ locale, viewport: { width, height: 900 } });

    test("draws only retail's statuses, labels at least 12 px, within the width", async ({ page }) => {
      await page.goto("/admin/workflows/retail");
      const rows = (await rowNames(page)).length;
      expect(rows).toBeGreaterThan(3);
      await page.getByRole("button", { name: picture, exact: true }).click();
      const nodes = page.getByTestId("workflow-graph").locator(".react-flow__node-status");
      await expect(nodes.first()).toBeVisible();
      await expect(nodes).toHaveCount(rows);
      const sizes = await drawnLabelSizes(page);
      expect(sizes.length).toBeGreaterThan(rows - 1);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      expect(await fitsTheWidth(page)).toBe(true);
    });
  });
}

import { expect, test } from "@playwright/test";
import { importDocument, ownDocument, uid } from "./admin-support";
import { ADMIN, signIn } from "./support";

test.beforeEach(async ({ page }) => {
  test.slow();
  await signIn(page, ADMIN);
});

test("the picture shows the matrix and edits it: draw an arrow to allow, delete one to forbid", async ({ page }) => {
  const id = uid();
  await importDocument(page, ownDocument(id, { transitions: [[`start_${id}`, `pay_${id}`]] }));
  await page.getByRole("button", { name: "Apply import" }).click();
  await page.getByRole("button", { name: "Apply all changes" }).click();
  await expect(page.getByText("Imported.")).toBeVisible();

  await page.goto(`/admin/workflows/io_${id}`);
  // Only the order type's statuses are drawn: Stop, in no allowed change yet, joins by the add control.
  await page.getByLabel("Add a status to this order type").selectOption({ label: `Stop ${id}` });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await page.getByRole("button", { name: "Picture", exact: true }).click();
  const graph = page.getByTestId("workflow-graph");
  const node = (name: string) => graph.locator(".react-flow__node-status").filter({ hasText: name });
  await expect(node(`Pay ${id}`)).toBeVisible();
  await expect(graph.locator(".react-flow__edge")).toHaveCount(1);

  // Draw Pay → Stop from Pay's bottom handle onto Stop (the whole picture in view first).
  await page.setViewportSize({ width: 1280, height: 1100 });
  await graph.scrollIntoViewIfNeeded();
  const source = await node(`Pay ${id}`).locator(".react-flow__handle.source").boundingBox();
  const target = await node(`Stop ${id}`).locator(".react-flow__handle.target").boundingBox();
  if (!source || !target) throw new Error("graph not laid out");
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByText(`Pay ${id} → Stop ${id} allowed.`)).toBeVisible();
  await expect(graph.locator(".react-flow__edge")).toHaveCount(2);
  // The lint answers at once: Pay is no longer a dead end.
  await expect(page.getByRole("list", { name: "Workflow issues" })).not.toContainText(`Pay ${id} has no way out`);

  // The grid shows the same matrix.
  await page.getByRole("button", { name: "Grid", exact: true }).click();
  await expect(page.getByRole("button", { name: `Pay ${id} → Stop ${id}: allowed` })).toHaveAttribute("aria-pressed", "true");

  // Select an arrow with the keyboard and forbid it.
  await page.getByRole("button", { name: "Picture", exact: true }).click();
  await graph.locator(`.react-flow__edge[aria-label="Start ${id} to Pay ${id}"]`).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: `Forbid Start ${id} → Pay ${id}` }).click();
  await expect(page.getByText(`Start ${id} → Pay ${id} forbidden.`)).toBeVisible();
  await expect(graph.locator(".react-flow__edge")).toHaveCount(1);
});

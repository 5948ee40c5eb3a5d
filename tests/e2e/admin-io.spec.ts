import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { importDocument, ownDocument, uid } from "./admin-support";
import { createKeyInUi } from "./api-support";
import { ADMIN, signIn } from "./support";

test.beforeEach(async ({ page }) => {
  test.slow();
  await signIn(page, ADMIN);
});

test("an admin downloads the whole workflow as one JSON document", async ({ page }) => {
  await page.goto("/admin/workflow-io");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download workflow (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^orderly-workflow-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(doc).toMatchObject({ format: "orderly.workflow", version: 1 });
  expect(doc.orderTypes.map((t: { code: string }) => t.code)).toEqual(expect.arrayContaining(["retail", "wholesale"]));
  expect(doc.statuses.length).toBeGreaterThan(5);
});

test("an upload is shown as a diff and applied only on confirmation", async ({ page }) => {
  const id = uid();
  await importDocument(page, ownDocument(id));
  await expect(page.getByText("The document is valid. Review the changes below.")).toBeVisible();
  // The file field's words are the catalogue's, with the chosen file's name.
  await expect(page.getByText("Choose a file…")).toBeVisible();
  await expect(page.getByText("workflow.json", { exact: true })).toBeVisible();
  const diff = page.getByLabel("Changes the import would make");
  await expect(diff).toContainText(`+ start_${id} (new)`);
  await expect(diff.getByRole("list", { name: `Matrix of io_${id}` })).toContainText(`+ start_${id} → pay_${id}`);

  await page.getByRole("button", { name: "Apply import" }).click();
  await page.getByRole("button", { name: "Apply all changes" }).click();
  await expect(page.getByText("Imported. The configuration now matches the document.")).toBeVisible();
  await page.getByRole("button", { name: "Import another" }).click();
  await expect(page.getByText("No file chosen")).toBeVisible();

  await page.goto(`/admin/workflows/io_${id}`);
  await expect(page.getByRole("button", { name: `Start ${id} → Pay ${id}: allowed` })).toHaveAttribute("aria-pressed", "true");
});

test("an import that would strand open orders names them, in the reader's language, before it is applied", async ({ page, browser, request }) => {
  const id = uid();
  await importDocument(page, ownDocument(id, { polishNames: true }));
  await page.getByRole("button", { name: "Apply import" }).click();
  await page.getByRole("button", { name: "Apply all changes" }).click();
  await expect(page.getByText("Imported.")).toBeVisible();
  const headers = { authorization: `Bearer ${await createKeyInUi(page, `E2E stranding ${id}`, "write")}` };
  const created = await request.post("/api/v1/orders", {
    headers,
    data: { number: `E2E-IO-${id}`, orderTypeCode: `io_${id}`, channel: "shop", customer: { name: "Ewa" }, items: [{ sku: "A", name: "A", quantity: 1, unitPrice: 100 }], paymentMethod: "transfer" },
  });
  expect(created.status()).toBe(201);

  // Start leads nowhere in this version, and the new order is in Start.
  const stranding = ownDocument(id, { polishNames: true, transitions: [[`pay_${id}`, `stop_${id}`]] });
  await importDocument(page, stranding);
  await expect(page.getByText(`Note: 1 order in Start ${id} (IO ${id}) would have no way forward.`)).toBeVisible();
  const inPolish = await browser.newContext({ locale: "pl-PL", storageState: await page.context().storageState() });
  const polishPage = await inPolish.newPage();
  await importDocument(polishPage, stranding);
  await expect(polishPage.getByText("Wybierz plik…")).toBeVisible();
  await expect(polishPage.getByText(`Uwaga: 1 zamówienie w statusie Początek ${id} (Typ IO ${id}) nie miałoby dalszej drogi.`)).toBeVisible();
  await inPolish.close();
});

test("a document with errors changes nothing and says why, field by field", async ({ page }) => {
  const id = uid();
  const doc = ownDocument(id, { colour: "red", transitions: [[`stop_${id}`, `pay_${id}`]] });
  await importDocument(page, doc);
  const problems = page.getByRole("list", { name: "Problems in the document" });
  await expect(problems).toContainText("statuses.0.colour: Use a hex colour like #1d4ed8");
  await expect(page.getByRole("button", { name: "Apply import" })).toHaveCount(0);

  // Fixed colours, still a closed status asking for payment: the lint refuses, in words.
  await importDocument(page, ownDocument(id, { transitions: [[`start_${id}`, `stop_${id}`], [`stop_${id}`, `pay_${id}`]] }));
  await expect(problems).toContainText(`orderTypes.0: IO ${id}: Stop ${id} leads to Pay ${id}: asking for payment on an order that is already closed`);
  await page.goto("/admin/workflows");
  await expect(page.getByText(`io_${id}`)).toHaveCount(0);
});

import { expect, test } from "@playwright/test";
import { createKeyInUi } from "./api-support";
import { ADMIN, STAFF, signIn } from "./support";

test("an admin creates an API key, sees it once, uses it, then revokes it and the API refuses it", async ({ page, request }) => {
  // One long flow through two pages and the API; the default 30 s is tight on a loaded machine.
  test.setTimeout(90_000);
  await signIn(page, ADMIN);
  await page.goto("/admin/integrations");
  await expect(page.getByRole("heading", { name: "Integrations" })).toBeVisible();

  // A nameless key is refused field by field.
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Give the key a name, e.g. the system that will use it")).toBeVisible();

  const secret = await createKeyInUi(page, "E2E warehouse reader", "read");
  const ok = await request.get("/api/v1/statuses", { headers: { authorization: `Bearer ${secret}` } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).data.map((s: { code: string }) => s.code)).toContain("received");
  // A read key cannot write.
  const write = await request.post("/api/v1/orders/E2E-NONE/transitions", {
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    data: { to: "cancelled" },
  });
  expect(write.status()).toBe(403);

  await page.getByRole("button", { name: "Done, I have copied it" }).click();
  await expect(page.getByLabel("New API key")).toHaveCount(0);
  await page.reload();
  const row = page.getByRole("row", { name: /E2E warehouse reader/ });
  await expect(row).toContainText(secret.slice(0, 11));
  await expect(row).toContainText("read");
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText("Never"); // last use is shown
  await expect(page.getByText(secret)).toHaveCount(0); // the secret is never shown again

  await row.getByRole("button", { name: "Revoke E2E warehouse reader" }).click();
  const dialog = page.getByRole("dialog", { name: 'Revoke "E2E warehouse reader"?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Revoke E2E warehouse reader" }).click();
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText('Key "E2E warehouse reader" revoked')).toBeVisible();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);

  const refused = await request.get("/api/v1/statuses", { headers: { authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  expect(await refused.json()).toMatchObject({ code: "unauthorized", status: 401 });
});

test("staff cannot open the integrations page", async ({ page }) => {
  await signIn(page, STAFF);
  await page.goto("/admin/integrations");
  await expect(page).toHaveURL(/\/forbidden$/);
});

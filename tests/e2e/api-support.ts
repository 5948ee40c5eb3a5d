import { expect, type Page } from "@playwright/test";

/** Creates an API key in /admin/integrations as a signed-in admin and returns the secret shown once. */
export async function createKeyInUi(page: Page, name: string, scope: "read" | "write" | "admin"): Promise<string> {
  await page.goto("/admin/integrations");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Scope").selectOption(scope);
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText(`Key "${name}" created.`)).toBeVisible();
  await expect(page.getByText("you won't see it again")).toBeVisible();
  const secret = await page.getByLabel("New API key").inputValue();
  expect(secret).toMatch(/^ok_/);
  return secret;
}

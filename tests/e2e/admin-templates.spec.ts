import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./support";

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/templates");
  await page.getByRole("navigation", { name: "Statuses" }).getByText("Complaint closed").click();
  await expect(page.getByRole("heading", { name: "Complaint closed", level: 2 })).toBeVisible();
});

test("an admin writes a customer email, is stopped by a typo in a variable, fixes it and previews", async ({ page }) => {
  const editor = page.getByRole("region", { name: "Customer email · Polish" });
  await editor.getByLabel("Subject").fill("Reklamacja {{ordrNumber}} zamknięta");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByText("Unknown variable {{ordrNumber}}: did you mean {{orderNumber}}?")).toBeVisible();

  await editor.getByLabel("Subject").fill("Reklamacja ");
  await editor.getByRole("group", { name: "Variables" }).getByRole("button", { name: "orderNumber" }).click();
  await expect(editor.getByLabel("Subject")).toHaveValue("Reklamacja {{orderNumber}}");
  // The palette gives the focus back to the field on the next frame; typing before that frame
  // would land in the subject (a person cannot type that fast, a test can).
  await expect(editor.getByLabel("Subject")).toBeFocused();
  await editor.getByLabel("Message").fill("Dzień dobry {{customerFirstName}}, reklamację zamknęliśmy.");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByRole("status")).toHaveText("Template saved.");

  await editor.getByRole("button", { name: "Preview" }).click();
  const email = editor.frameLocator('iframe[title="Email preview"]');
  await expect(email.getByText("Dzień dobry Anna, reklamację zamknęliśmy.")).toBeVisible();
  await expect(editor.getByText("Subject: Reklamacja ORD-10482")).toBeVisible();
  await expect(email.getByText("Sklep Demo").first()).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: "Customer email · Polish" }).getByLabel("Subject")).toHaveValue("Reklamacja {{orderNumber}}");
});

test("the SMS editor counts parts live and warns when Polish letters switch to UCS-2", async ({ page }) => {
  const sms = page.getByRole("region", { name: "Customer SMS · Polish" });
  await sms.getByLabel("Text").fill("Paczka w drodze");
  await expect(sms.getByText(/GSM-7 · 15 characters · 1 part/)).toBeVisible();
  await sms.getByLabel("Text").fill("Paczka już w drodze");
  await expect(sms.getByText(/UCS-2 · 19 characters · 1 part/)).toBeVisible();
  await expect(sms.getByText(/switch the message to UCS-2/)).toBeVisible();
  await sms.getByLabel("Text").fill("ż".repeat(71));
  await expect(sms.getByText(/71 characters · 2 parts/)).toBeVisible();
});

import { expect, test } from "@playwright/test";
import { createGroup, createStatus, dndPause, uid } from "./admin-support";
import { ADMIN, STAFF, signIn } from "./support";

test.describe("statuses and groups", () => {
  test.beforeEach(async ({ page }) => {
    // Whole admin flows with several page loads each: more than the default 30 s on two cores.
    test.slow();
    await signIn(page, ADMIN);
  });

  test("an admin reorders statuses with the keyboard only, and the order persists", async ({ page }) => {
    const id = uid();
    const group = `E2E keys ${id}`;
    await createGroup(page, group, "In progress");
    await createStatus(page, { name: `Alpha ${id}`, code: `alpha_${id}`, group });
    await createStatus(page, { name: `Beta ${id}`, code: `beta_${id}`, group });

    await page.goto("/admin/statuses");
    const list = page.getByRole("list", { name: `Statuses in ${group}` });
    await expect(list.getByRole("listitem")).toHaveText([new RegExp(`Alpha ${id}`), new RegExp(`Beta ${id}`)]);

    await page.getByRole("button", { name: `Move Beta ${id}` }).focus();
    await page.keyboard.press("Space");
    await dndPause(page);
    // The screen-reader announcement says what was picked up and how to move it.
    await expect(page.getByText(new RegExp(`Picked up Beta ${id}, position 2 of 2 in ${group}`))).toBeAttached();
    await page.keyboard.press("ArrowUp");
    await dndPause(page);
    await expect(page.getByText(new RegExp(`Beta ${id} moved to position 1 of 2 in ${group}`))).toBeAttached();
    await page.keyboard.press("Space");
    await dndPause(page);

    await expect(list.getByRole("listitem")).toHaveText([new RegExp(`Beta ${id}`), new RegExp(`Alpha ${id}`)]);
    await expect(page.getByText("Order saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("list", { name: `Statuses in ${group}` }).getByRole("listitem")).toHaveText([
      new RegExp(`Beta ${id}`),
      new RegExp(`Alpha ${id}`),
    ]);
  });

  test("an admin names a group in each screen language, and the names stay", async ({ page }) => {
    const id = uid();
    const group = `E2E names ${id}`;
    // Named in Polish as it is created, in English afterwards in its editor.
    await page.goto("/admin/statuses");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add group" }) });
    await form.getByLabel("Group name").fill(group);
    await form.getByLabel("Name (Polish)").fill(`Nazwy ${id}`);
    await form.getByLabel("Kind").selectOption({ label: "In progress" });
    await form.getByRole("button", { name: "Add group" }).click();
    await expect(page.getByText(`Group ${group} created.`)).toBeVisible();
    const region = page.getByRole("region", { name: `Group ${group}` });
    await region.getByRole("button", { name: `Edit group ${group}` }).click();
    await expect(region.getByLabel("Name (Polish)")).toHaveValue(`Nazwy ${id}`);
    await region.getByLabel("Name (English)").fill(`Names ${id}`);
    await region.getByRole("button", { name: "Save group" }).click();
    // The editor closes on success, saying so to a screen reader, and the screen, in English, reads
    // the group by its English name.
    await expect(page.getByRole("status").filter({ hasText: `Group Names ${id} saved.` })).toBeAttached();
    await expect(page.getByRole("region", { name: `Group Names ${id}` })).toBeVisible();
    await page.reload();
    const renamed = page.getByRole("region", { name: `Group Names ${id}` });
    await renamed.getByRole("button", { name: `Edit group Names ${id}` }).click();
    await expect(renamed.getByRole("textbox", { name: "Group name" })).toHaveValue(group);
    await expect(renamed.getByLabel("Name (Polish)")).toHaveValue(`Nazwy ${id}`);
    await expect(renamed.getByLabel("Name (English)")).toHaveValue(`Names ${id}`);
  });

  test("the status editor explains every bad field and saves nothing until they are fixed", async ({ page }) => {
    const id = uid();
    await page.goto("/admin/statuses/new");
    await page.getByLabel("Code", { exact: true }).fill("bad code!");
    await page.getByLabel("Colour (hex)").fill("red");
    await page.getByRole("button", { name: "Create status" }).click();
    await expect(page.getByText("Enter a name")).toBeVisible();
    await expect(page.getByText("Use 1–64 letters, digits, _ . or -, starting with a letter or digit")).toBeVisible();
    await expect(page.getByText("Use a hex colour like #1d4ed8")).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");

    // A taken code is refused by the server, on its field.
    await page.getByLabel("Name", { exact: true }).fill(`Packed ${id}`);
    await page.getByLabel("Code", { exact: true }).fill("shipped");
    await page.getByRole("button", { name: "Teal #0f766e" }).click();
    await page.getByLabel("Customer label", { exact: true }).fill("Packed and ready");
    await page.getByLabel("SLA hours").fill("48");
    await page.getByRole("button", { name: "Add marketplace code" }).click();
    await page.getByLabel("Channel 1", { exact: true }).fill("allegro");
    await page.getByLabel("Code for channel 1").fill("READY");
    await page.getByRole("button", { name: "Add template" }).click();
    await page.getByLabel("Template 1 title").fill("First");
    await page.getByLabel("Template 1 text").fill("First text");
    await page.getByRole("button", { name: "Add template" }).click();
    await page.getByLabel("Template 2 title").fill("Second");
    await page.getByLabel("Template 2 text").fill("Second text");
    await page.getByRole("button", { name: "Move template 2 up" }).click();
    await page.getByRole("button", { name: "Create status" }).click();
    await expect(page.getByText("The code shipped is already used by Shipped").first()).toBeVisible();

    await page.getByLabel("Code", { exact: true }).fill(`packed_${id}`);
    await page.getByRole("button", { name: "Create status" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/statuses/packed_${id}`));
    await expect(page.getByLabel("Template 1 title")).toHaveValue("Second");
    await expect(page.getByLabel("Code for channel 1")).toHaveValue("READY");
    await expect(page.getByLabel("SLA hours")).toHaveValue("48");

    // Archive (asks first), restore, then delete (asks first): it was never used by an order.
    await page.getByRole("button", { name: "Archive status" }).click();
    await page.getByRole("button", { name: "Archive", exact: true }).click();
    await expect(page.getByText(`Packed ${id} archived.`)).toBeVisible();
    await page.getByRole("button", { name: "Restore status" }).click();
    await expect(page.getByText(`Packed ${id} restored.`)).toBeVisible();
    await page.getByRole("button", { name: "Delete status" }).click();
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect(page).toHaveURL(/\/admin\/statuses$/);
    await expect(page.getByText(`packed_${id}`)).toHaveCount(0);
  });

  test("a status used by orders can be archived but not deleted", async ({ page }) => {
    // Read-only on the shared demo data: the refusal changes nothing.
    await page.goto("/admin/statuses/cancelled");
    await page.getByRole("button", { name: "Delete status" }).click();
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("is used by orders, so it cannot be deleted. Archive it instead.");
  });
});

test("staff cannot open the workflow studio", async ({ page }) => {
  await signIn(page, STAFF);
  for (const path of ["/admin/statuses", "/admin/workflows", "/admin/workflows/retail", "/admin/statuses/new"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden$/);
  }
});

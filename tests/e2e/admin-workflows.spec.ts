import { expect, test, type Page } from "@playwright/test";
import { importOwnStatuses, uid } from "./admin-support";
import { ADMIN, signIn } from "./support";

/** A small process of the test's own: Start and Pay (asks for payment) open, Stop closed. */
async function ownWorkflow(page: Page) {
  const id = uid();
  // Set up through the import flow (tested on its own): creating five things by hand is slow.
  return { id, names: await importOwnStatuses(page, id) };
}

async function createOrderType(page: Page, code: string, name: string, initial: string) {
  await page.goto("/admin/workflows");
  const form = page.getByRole("form", { name: "New order type" });
  await form.getByLabel("Code").fill(code);
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Initial status").selectOption({ label: initial });
  await form.getByRole("button", { name: "Create order type" }).click();
  await expect(page.getByText(`Order type ${name} created.`)).toBeVisible();
}

const cell = (page: Page, from: string, to: string) => page.getByRole("button", { name: new RegExp(`^${from} → ${to}: `) });

/** The grid lists only the order type's statuses: another of the shop's joins it by the add control. */
async function addToGrid(page: Page, name: string) {
  await page.getByLabel("Add a status to this order type").selectOption({ label: name });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("rowheader", { name: new RegExp(`^${name}`) })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  // Whole admin flows with several page loads each: more than the default 30 s on two cores.
  test.slow();
  await signIn(page, ADMIN);
});

test("an admin builds a matrix by clicks and keys; the lint answers live and refuses a contradiction", async ({ page }) => {
  const { id, names } = await ownWorkflow(page);
  await createOrderType(page, `e2e_${id}`, `E2E type ${id}`, names.start);
  await page.getByRole("listitem", { name: `Order type E2E type ${id}` }).getByRole("link", { name: "Edit matrix" }).click();
  await expect(page.getByRole("heading", { name: `E2E type ${id}: allowed changes` })).toBeVisible();
  await addToGrid(page, names.pay);
  await addToGrid(page, names.stop);

  await cell(page, names.start, names.pay).click();
  await expect(cell(page, names.start, names.pay)).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(`${names.start} → ${names.pay} allowed.`)).toBeVisible();
  // Pay has no way out yet: the lint says so at once.
  const issues = page.getByRole("list", { name: "Workflow issues" });
  await expect(issues).toContainText(`${names.pay} has no way out`);

  // Keyboard: Pay's row is right below Start's, so one step down from Start → Stop is Pay → Stop.
  await cell(page, names.start, names.stop).focus();
  await page.keyboard.press("ArrowDown");
  await expect(cell(page, names.pay, names.stop)).toBeFocused();
  await page.keyboard.press("Space");
  await expect(cell(page, names.pay, names.stop)).toHaveAttribute("aria-pressed", "true");
  await expect(issues).not.toContainText(`${names.pay} has no way out`);

  // A closed status leading to one that asks for payment is refused, with the reason in words.
  await cell(page, names.stop, names.pay).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    `${names.stop} leads to ${names.pay}: asking for payment on an order that is already closed`,
  );
  await expect(cell(page, names.stop, names.pay)).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(cell(page, names.stop, names.pay)).toHaveAttribute("aria-pressed", "false");
  await expect(cell(page, names.pay, names.stop)).toHaveAttribute("aria-pressed", "true");

  // Row helpers: allow forward from Start, then clear the row.
  await page.getByRole("button", { name: `Allow forward changes from ${names.start}` }).click();
  await expect(cell(page, names.start, names.stop)).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: `Clear the row of ${names.start}` }).click();
  await expect(cell(page, names.start, names.pay)).toHaveAttribute("aria-pressed", "false");
  await expect(cell(page, names.start, names.stop)).toHaveAttribute("aria-pressed", "false");
});

test("an admin renames, reorders, re-points and copies order types", async ({ page }) => {
  const { id, names } = await ownWorkflow(page);
  await createOrderType(page, `e2e_src_${id}`, `Source ${id}`, names.start);
  await page.goto(`/admin/workflows/e2e_src_${id}`);
  await addToGrid(page, names.pay);
  await cell(page, names.start, names.pay).click();
  await expect(cell(page, names.start, names.pay)).toHaveAttribute("aria-pressed", "true");

  await createOrderType(page, `e2e_dst_${id}`, `Copy ${id}`, names.start);
  const row = page.getByRole("listitem", { name: `Order type Copy ${id}` });
  await row.getByLabel(`Name of e2e_dst_${id}`, { exact: true }).fill(`Renamed ${id}`);
  await row.getByLabel(`Initial status of e2e_dst_${id}`).selectOption({ label: names.pay });
  await row.getByRole("button", { name: `Save e2e_dst_${id}` }).click();
  await expect(page.getByText(`Order type Renamed ${id} saved.`)).toBeVisible();

  const renamed = page.getByRole("listitem", { name: `Order type Renamed ${id}` });
  await renamed.getByLabel(`Copy matrix into e2e_dst_${id} from`).selectOption({ label: `Source ${id}` });
  await renamed.getByRole("button", { name: "Copy matrix" }).click();
  await renamed.getByRole("button", { name: "Replace matrix" }).click();
  // One change is "1 allowed change" now that the count is a plural.
  await expect(page.getByText(/Matrix copied: \d+ allowed changes?\./)).toBeVisible();

  // Reorder: the new type moves up above the source.
  const list = page.getByRole("list", { name: "Order types" });
  const before = await list.locator(":scope > li").evaluateAll((lis) => lis.map((li) => li.getAttribute("aria-label")));
  await page.getByRole("button", { name: `Move Renamed ${id} up` }).click();
  await expect(page.getByText(`Renamed ${id} moved up.`)).toBeVisible();
  const index = before.indexOf(`Order type Renamed ${id}`);
  await page.reload();
  const after = await page.getByRole("list", { name: "Order types" }).locator(":scope > li").evaluateAll((lis) => lis.map((li) => li.getAttribute("aria-label")));
  expect(after.indexOf(`Order type Renamed ${id}`)).toBe(index - 1);

  await page.goto(`/admin/workflows/e2e_dst_${id}`);
  await expect(page.getByText(`Orders start in ${names.pay}`)).toBeVisible();
  await expect(cell(page, names.start, names.pay)).toHaveAttribute("aria-pressed", "true");
});

test("an admin names an order type in each screen language, and the staff screens read it by theirs", async ({ page, browser }) => {
  const { id, names } = await ownWorkflow(page);
  const code = `named_${id}`;
  // Named in English as it is created; the screen, in English, confirms it by that name.
  await page.goto("/admin/workflows");
  const form = page.getByRole("form", { name: "New order type" });
  await form.getByLabel("Code").fill(code);
  await form.getByLabel("Name", { exact: true }).fill(`Sklep ${id}`);
  await form.getByLabel("Name (English)").fill(`Shop ${id}`);
  await form.getByLabel("Initial status").selectOption({ label: names.start });
  await form.getByRole("button", { name: "Create order type" }).click();
  await expect(page.getByText(`Order type Shop ${id} created.`)).toBeVisible();

  // In Polish afterwards, in its row; both names stay after a reload.
  const row = page.getByRole("listitem", { name: `Order type Shop ${id}` });
  await expect(row.getByLabel(`Name of ${code} (English)`)).toHaveValue(`Shop ${id}`);
  await row.getByLabel(`Name of ${code} (Polish)`).fill(`Sklep internetowy ${id}`);
  await row.getByRole("button", { name: `Save ${code}` }).click();
  await expect(page.getByText(`Order type Shop ${id} saved.`)).toBeVisible();
  await page.reload();
  const reloaded = page.getByRole("listitem", { name: `Order type Shop ${id}` });
  await expect(reloaded.getByLabel(`Name of ${code}`, { exact: true })).toHaveValue(`Sklep ${id}`);
  await expect(reloaded.getByLabel(`Name of ${code} (Polish)`)).toHaveValue(`Sklep internetowy ${id}`);

  // The order list's filter offers it by the name of each screen language.
  await page.goto("/orders");
  await expect(page.getByLabel("Order type").getByRole("option", { name: `Shop ${id}` })).toBeAttached();
  // The same admin in a Polish browser (the screen language follows the browser; switching it
  // would follow the shared admin account into other tests).
  const polish = await browser.newContext({ locale: "pl-PL", storageState: await page.context().storageState() });
  const inPolish = await polish.newPage();
  await inPolish.goto("/orders");
  await expect(inPolish.getByLabel("Typ zamówienia").getByRole("option", { name: `Sklep internetowy ${id}` })).toBeAttached();
  await polish.close();
});

test("an admin adds a preset alongside the existing workflow, in Polish", async ({ page }) => {
  const id = uid();
  await page.goto("/admin/statuses");
  const panel = page.locator("form").filter({ has: page.getByRole("button", { name: "Add preset alongside" }) });
  await panel.getByLabel("Preset").selectOption({ label: "Retail shop" });
  await panel.getByLabel("Polish", { exact: true }).check();
  await panel.getByLabel("New order type code").fill(`preset_${id}`);
  await panel.getByLabel("New order type name").fill(`Sklep ${id}`);
  await panel.getByRole("button", { name: "Add preset alongside" }).click();
  await expect(page.getByText(/Preset applied: \d+ statuses\./)).toBeVisible();

  // The same code again is refused on its field, and nothing is overwritten.
  await panel.getByRole("button", { name: "Add preset alongside" }).click();
  await expect(panel.getByText(`The code preset_${id} is already used by Sklep ${id}`).first()).toBeVisible();

  await page.goto(`/admin/workflows/preset_${id}`);
  await expect(page.getByRole("heading", { name: `Sklep ${id}: allowed changes` })).toBeVisible();
  await expect(page.getByText("The process is consistent.")).toBeVisible();
});

test("an admin adds the returns process as a preset, and its matrix lints clean", async ({ page }) => {
  const id = uid();
  await page.goto("/admin/statuses");
  const panel = page.locator("form").filter({ has: page.getByRole("button", { name: "Add preset alongside" }) });
  await panel.getByLabel("Preset").selectOption({ label: "Returns" });
  await expect(panel.getByText(/Consumer returns as an order type of their own/)).toBeVisible();
  await panel.getByLabel("New order type code").fill(`returns_${id}`);
  await panel.getByLabel("New order type name").fill(`Returns ${id}`);
  await panel.getByRole("button", { name: "Add preset alongside" }).click();
  await expect(page.getByText(/Preset applied: \d+ statuses\./)).toBeVisible();

  await page.goto(`/admin/workflows/returns_${id}`);
  await expect(page.getByRole("heading", { name: `Returns ${id}: allowed changes` })).toBeVisible();
  await expect(page.getByText("The process is consistent.")).toBeVisible();
});

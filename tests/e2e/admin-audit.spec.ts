import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signInAnyLanguage } from "./support";
import { importOwnStatuses, uid } from "./admin-support";
import { createKeyInUi } from "./api-support";
import { AUDIT_RULE, AUDITOR } from "./fixtures/admin-audit";

/**
 * The audit trail: the spec's own admin makes one change of each kind of configuration through
 * the screens, then finds an entry for each on /admin/audit, filters it by kind and by person
 * (a person and an API key), in English and in Polish, axe-clean. Everything it changes is its
 * own (statuses, an order type, a rule, an endpoint, a key) or set back (one settings field).
 */
test.describe.configure({ mode: "serial" });

const id = uid();
const own = {
  start: `Start ${id}`,
  stop: `Stop ${id}`,
  type: `Audit type ${id}`,
  key: `Audit key ${id}`,
  hook: `https://audit-${id}.example.com/hook`,
  renamed: `Start ${id} via API`,
};

// By the fields' names, not their labels: the sign-in page may speak either language.
const entries = (page: Page) => page.getByTestId("audit-entry");
/** The entries of one kind and action (as the page words them) about a subject. */
const entry = (page: Page, kind: string, action: string, subject: string) =>
  entries(page)
    .filter({ has: page.getByText(kind, { exact: true }) })
    .filter({ has: page.getByText(action, { exact: true }) })
    .filter({ hasText: subject });

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("each kind of change leaves an entry: who, what, and what changed", async ({ page, request }) => {
    // A dozen screens, each saved and waited for: far more than the default 30 s on two cores.
    test.setTimeout(240_000);
    await signInAnyLanguage(page, AUDITOR);

    // Groups and statuses, through the workflow import.
    await importOwnStatuses(page, id);

    // A status: archived in its editor, after a confirmation.
    await page.goto(`/admin/statuses/stop_${id}`);
    await page.getByRole("button", { name: "Archive status" }).click();
    await page.getByRole("button", { name: "Archive", exact: true }).click();
    await expect(page.getByText(`${own.stop} archived.`)).toBeVisible();

    // An order type, and a change in its matrix.
    await page.goto("/admin/workflows");
    const form = page.getByRole("form", { name: "New order type" });
    await form.getByLabel("Code").fill(`audit_${id}`);
    await form.getByLabel("Name", { exact: true }).fill(own.type);
    await form.getByLabel("Initial status").selectOption({ label: own.start });
    await form.getByRole("button", { name: "Create order type" }).click();
    await expect(page.getByText(`Order type ${own.type} created.`)).toBeVisible();
    await page.goto(`/admin/workflows/audit_${id}`);
    // The grid lists the order type's own statuses; its second status joins by the add control.
    await page.getByLabel("Add a status to this order type").selectOption({ label: `Pay ${id}` });
    await page.getByRole("button", { name: "Add", exact: true }).click();
    const cell = page.getByRole("button", { name: new RegExp(`^Start ${id} → Pay ${id}: `) });
    await cell.click();
    await expect(cell).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText(`Start ${id} → Pay ${id} allowed.`)).toBeVisible();

    // A message template of the spec's own status.
    await page.goto("/admin/templates");
    await page.getByRole("navigation", { name: "Statuses" }).getByText(own.start, { exact: true }).click();
    await expect(page.getByRole("heading", { name: own.start, level: 2 })).toBeVisible();
    const editor = page.getByRole("region", { name: "Customer email · Polish" });
    await editor.getByLabel("Subject").fill(`Audyt ${id}`);
    await editor.getByLabel("Message").fill("Dzień dobry, sprawdzamy dziennik zmian.");
    await editor.getByRole("button", { name: "Save" }).click();
    await expect(editor.getByRole("status")).toHaveText("Template saved.");

    // The settings: one field no other spec reads, changed and set back (two entries).
    await page.goto("/admin/settings");
    const abroad = page.getByLabel("SMS price per part, abroad (zł)");
    const original = await abroad.inputValue();
    await abroad.fill((Number(original) + 0.01).toFixed(2));
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Settings saved.");
    await page.reload();
    await page.getByLabel("SMS price per part, abroad (zł)").fill(original);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Settings saved.");

    // An automation rule of the spec's own, switched off.
    await page.goto("/admin/automations");
    await page.getByRole("listitem").filter({ hasText: AUDIT_RULE }).getByLabel("Enabled").uncheck();
    await expect(page.getByText(`“${AUDIT_RULE}” switched off.`)).toBeVisible();

    // A webhook endpoint.
    await page.goto("/admin/integrations");
    const hookForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Add endpoint" }) });
    await hookForm.getByLabel("Endpoint URL").fill(own.hook);
    await hookForm.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Endpoint added.")).toBeVisible();

    // An API key: created, used to change the workflow over the API, then revoked.
    const secret = await createKeyInUi(page, own.key, "admin");
    const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
    // Only the spec's own groups and statuses: what a document does not mention stays as it is.
    const doc = await (await request.get("/api/v1/workflow", { headers })).json();
    const mine = <T extends { code?: string; key?: string }>(list: T[]) => list.filter((item) => (item.code ?? item.key ?? "").endsWith(`_${id}`));
    const statuses = mine<{ code: string; name: string }>(doc.statuses).map((s) => (s.code === `start_${id}` ? { ...s, name: own.renamed } : s));
    const put = await request.put("/api/v1/workflow", { headers, data: { format: doc.format, version: doc.version, groups: mine(doc.groups), statuses, orderTypes: [] } });
    expect(put.status()).toBe(200);
    await page.getByRole("button", { name: "Done, I have copied it" }).click();
    await page.getByRole("row", { name: new RegExp(own.key) }).getByRole("button", { name: `Revoke ${own.key}` }).click();
    await page.getByRole("dialog", { name: `Revoke "${own.key}"?` }).getByRole("button", { name: "Revoke key" }).click();
    await expect(page.getByText(`Key "${own.key}" revoked`)).toBeVisible();

    // The trail: the auditor's own entries, one of each kind, with what changed.
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
    await page.getByLabel("Who").selectOption({ label: `${AUDITOR.name} (person)` });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/[?&]actor=user%3A\d+/);
    await expect(entries(page).filter({ hasNotText: AUDITOR.name })).toHaveCount(0);
    await expect(entry(page, "Status group", "created", `IO open ${id}`)).toHaveCount(1);
    await expect(entry(page, "Status", "archived", own.stop)).toContainText("Archived: no → yes");
    await expect(entry(page, "Order type", "created", own.type)).toContainText(`Initial status: start_${id}`);
    await expect(entry(page, "Transition matrix", "changed", own.type)).toContainText(`Allowed changes: added start_${id} → pay_${id}`);
    await expect(entry(page, "Message template", "created", `${own.start} · customer email · Polish`)).toContainText(`Subject: Audyt ${id}`);
    await expect(entry(page, "Settings", "changed", "")).toHaveCount(2);
    await expect(entry(page, "Settings", "changed", "").first()).toContainText("SMS price, abroad");
    await expect(entry(page, "Automation rule", "disabled", AUDIT_RULE)).toContainText("Enabled: yes → no");
    await expect(entry(page, "Webhook endpoint", "created", own.hook)).toContainText("Events:");
    await expect(entry(page, "API key", "revoked", own.key)).toContainText("Revoked: no → yes");
    await expect(entry(page, "API key", "created", own.key)).toContainText("Scope: admin");
    await expectNoAxeViolations(page);

    // By kind: only that kind's entries stay.
    await page.getByLabel("Kind").selectOption({ label: "Transition matrix" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/kind=matrix/);
    await expect(entries(page)).toHaveCount(1);
    await expect(entries(page).first()).toContainText(own.type);

    // By the API key: the change it made over the API, and nothing of the person's.
    await page.goto("/admin/audit");
    await page.getByLabel("Who").selectOption({ label: `${own.key} (API key)` });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(entries(page)).toHaveCount(1);
    await expect(entries(page).first()).toContainText(own.renamed);
    await expect(entries(page).first()).toContainText(`Name: ${own.start} → ${own.renamed}`);

    // A day with nothing in it: the empty state says so and clears the filters.
    await page.goto("/admin/audit?from=2001-01-01&to=2001-01-02");
    await expect(page.getByText("No entry matches these filters.")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("main").getByRole("link", { name: "Clear filters" }).first().click();
    await expect(page).toHaveURL(/\/admin\/audit$/);
    await expect(entries(page).first()).toBeVisible();
  });
});

test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });

  test("the trail speaks Polish: kinds, actions, fields and the filters", async ({ page }) => {
    test.setTimeout(90_000);
    await signInAnyLanguage(page, AUDITOR);
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { name: "Dziennik zmian" })).toBeVisible();
    await page.getByLabel("Rodzaj").selectOption({ label: "Reguła automatyzacji" });
    await page.getByLabel("Kto").selectOption({ label: `${AUDITOR.name} (osoba)` });
    await page.getByRole("button", { name: "Filtruj" }).click();
    await expect(page).toHaveURL(/kind=automation_rule/);
    await expect(entries(page)).toHaveCount(1);
    await expect(entries(page).first()).toContainText("wyłączono");
    await expect(entries(page).first()).toContainText("Włączony: tak → nie");
    await expectNoAxeViolations(page);

    await page.getByLabel("Rodzaj").selectOption({ label: "Status" });
    await page.getByRole("button", { name: "Filtruj" }).click();
    await expect(entry(page, "Status", "zarchiwizowano", own.stop)).toContainText("Zarchiwizowany: nie → tak");
    await expectNoAxeViolations(page);
  });
});

import { expect, test, type Page } from "@playwright/test";
import { WebhookReceiver } from "../support/webhook-receiver";
import { ADMIN, STAFF, openOrder, signIn } from "./support";

let receiver: WebhookReceiver;

test.beforeEach(async () => {
  // These tests wait for the app's background worker to deliver, resend and disable: more than
  // the default budget on a busy machine.
  test.slow();
  receiver = await new WebhookReceiver().start();
});
test.afterEach(async () => {
  await receiver.stop();
});

/** Adds an endpoint for status changes only and returns its signing secret from its page. */
async function addEndpoint(page: Page, url: string, description: string): Promise<string> {
  await page.goto("/admin/integrations");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add endpoint" }) });
  // The fields are controlled: under load, wait for the page to be interactive before typing.
  for (const other of ["Order created", "Payment recorded", "Tracking number or courier changed"]) {
    await expect(async () => {
      await form.getByLabel(other).setChecked(false, { timeout: 2000 });
      await expect(form.getByLabel(other)).not.toBeChecked({ timeout: 500 });
    }).toPass({ timeout: 20_000 });
  }
  await form.getByLabel("Endpoint URL").fill(url);
  await form.getByLabel("Description").fill(description);
  await expect(form.getByLabel("Endpoint URL")).toHaveValue(url);
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Endpoint added.")).toBeVisible();
  await page.getByRole("button", { name: "Show" }).click();
  const secret = await page.getByLabel("Signing secret").inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  return secret;
}

/** The deliveries log fills in as the app's worker sends: reload until the row says so. */
async function waitForDelivery(page: Page, match: { order?: string; state: string; response: string; attempts?: string }) {
  const row = page.getByTestId("webhook-delivery").filter({ hasText: match.order ?? "webhook.test" }).first();
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText(match.state, { timeout: 1000 });
    await expect(row.getByLabel("Last response code")).toHaveText(match.response, { timeout: 1000 });
    if (match.attempts) await expect(row).toContainText(match.attempts, { timeout: 1000 });
  }).toPass({ timeout: 25_000 });
  return row;
}

test("an admin adds an endpoint, sees a status change delivered and signed, and resends it", async ({ page }) => {
  await signIn(page, ADMIN);
  receiver.secret = await addEndpoint(page, receiver.url, "ERP connector");
  const endpointPage = page.url();

  await openOrder(page, "E2E-HOOK-1");
  await page.getByRole("button", { name: "Awaiting payment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "changed" })).toBeVisible();

  await page.goto(endpointPage);
  const row = await waitForDelivery(page, { order: "E2E-HOOK-1", state: "Sent", response: "200" });
  await expect(row).toContainText("order.status_changed");
  const [event] = receiver.processed.filter((e) => (e.payload.data.order as { number: string }).number === "E2E-HOOK-1");
  expect(event?.payload.type).toBe("order.status_changed");
  expect(event?.payload.data).toMatchObject({ status: { code: "awaiting_payment" }, actor: { label: "Ada Admin" } });
  expect(receiver.verificationFailures).toEqual([]);

  await row.getByText("Payload and attempts").click();
  await expect(row.getByText(`webhook-id ${event!.webhookId}`)).toBeVisible();
  await expect(row.getByText('"awaiting_payment"').first()).toBeVisible();
  await expect(row.getByText(/Attempt 1 · .* · 200 ·/)).toBeVisible();

  await row.getByRole("button", { name: "Resend" }).click();
  await waitForDelivery(page, { order: "E2E-HOOK-1", state: "Sent", response: "200", attempts: "2 attempts" });
  // Same webhook-id twice; the receiver processed it once.
  expect(receiver.requestsById.get(event!.webhookId)).toBe(2);
  expect(receiver.processedIds().filter((id) => id === event!.webhookId)).toHaveLength(1);

  await page.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("Endpoint disabled.")).toBeVisible();
  await expect(page.getByText("Disabled by an admin")).toBeVisible();
});

test("an endpoint that answers 410 is disabled automatically and the admin sees why", async ({ page }) => {
  await signIn(page, ADMIN);
  receiver.fallback = "410";
  receiver.secret = await addEndpoint(page, receiver.url, "Retired connector");
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText("Test event queued")).toBeVisible();

  // Other specs change orders meanwhile and this endpoint hears of status changes too, so the
  // first delivery to reach it may be one of theirs rather than the test event: whichever it is
  // gets the 410, and the endpoint stops there.
  const gone = page
    .getByTestId("webhook-delivery")
    .filter({ has: page.getByLabel("Last response code").filter({ hasText: /^410$/ }) });
  await expect(async () => {
    await page.reload();
    await expect(gone.first()).toContainText("Failed", { timeout: 1000 });
  }).toPass({ timeout: 25_000 });
  await expect(page.getByText("Disabled automatically", { exact: true })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("The receiver answered 410 Gone");
  await expect(page.getByRole("button", { name: "Enable" })).toBeVisible();
});

test("a failing delivery shows when it is tried next, and that it is held while the endpoint is off", async ({ page }) => {
  await signIn(page, ADMIN);
  receiver.fallback = "500";
  receiver.secret = await addEndpoint(page, receiver.url, "Flaky connector");
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText("Test event queued")).toBeVisible();

  // The schedule's second wait is minutes long, so the row rests here after two attempts.
  const row = await waitForDelivery(page, { state: "Queued", response: "500", attempts: "2 attempts" });
  await expect(row.getByTestId("next-attempt")).toHaveText(/^Next attempt \S.*\d{1,2}:\d{2}/);

  await page.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("Endpoint disabled.")).toBeVisible();
  await expect(row.getByTestId("next-attempt")).toHaveText("Held until the endpoint is enabled again");
});

test("an admin rotates the secret: the new one is shown, and deliveries stop verifying with the old one", async ({ page }) => {
  await signIn(page, ADMIN);
  const oldSecret = await addEndpoint(page, receiver.url, "Rotated connector");
  receiver.secret = oldSecret;
  // Opened afresh, the page hides the secret again.
  await page.reload();
  const secretField = page.getByLabel("Signing secret");
  await expect(secretField).not.toHaveValue(oldSecret);

  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("group", { name: /new secret/ }).getByRole("button", { name: "Rotate" }).click();
  await expect(page.getByText("New secret created.")).toBeVisible();
  await expect(secretField).toHaveValue(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  const newSecret = await secretField.inputValue();
  expect(newSecret).not.toBe(oldSecret);

  receiver.secret = newSecret;
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText("Test event queued")).toBeVisible();
  await waitForDelivery(page, { state: "Sent", response: "200" });
  const testEvent = receiver.processed.find((e) => e.payload.type === "webhook.test");
  expect(testEvent).toBeDefined();
  expect(receiver.signedWith(testEvent!.webhookId, newSecret)).toBe(true);
  expect(receiver.signedWith(testEvent!.webhookId, oldSecret)).toBe(false);
});

test("a bad endpoint is refused field by field", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/admin/integrations");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add endpoint" }) });
  await form.getByLabel("Endpoint URL").fill("ftp://files.example.com/in");
  for (const box of await form.getByRole("checkbox").all()) await box.uncheck();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form.getByText("Use an http or https address")).toBeVisible();
  await expect(form.getByText("Choose at least one event")).toBeVisible();
  await expect(form.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
});

test("staff cannot open the integrations", async ({ page }) => {
  await signIn(page, STAFF);
  await page.goto("/admin/integrations");
  await expect(page).toHaveURL(/\/forbidden/);
});

import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { createKeyInUi } from "./api-support";
import { PARCEL_ORDERS } from "./fixtures/parcels";
import { ADMIN, expectNoAxeViolations, signIn, signInAnyLanguage } from "./support";

// Issue 21, points 4 and 5: a parcel "delivered" event moves the order to Completed through the
// preset automation, and shows in the order's history and on the customer's tracking page, in
// Polish and English; InPost's own webhook does the same through the receiving address.
// Serial: the first test adds the preset, makes the API key and sets up InPost's address the
// others use (the rule is shop-wide: added once).

test.describe.configure({ mode: "serial" });

let apiKey: string;
let inpostPath: string;

/**
 * The changed screens, for docs/screenshots/: written only when asked (`E2E_SCREENSHOTS=1`), so a
 * test run leaves the tree clean. `target` is the page or the part of it the picture shows.
 */
async function screenshot(target: Page | Locator, name: string, options: { fullPage?: boolean } = {}) {
  if (process.env.E2E_SCREENSHOTS === "1") await target.screenshot({ path: `docs/screenshots/${name}.png`, ...options });
}

async function reportDelivered(request: APIRequestContext, number: string) {
  const res = await request.post(`/api/v1/orders/${number}/parcel-events`, {
    headers: { authorization: `Bearer ${apiKey}` },
    data: { event: "delivered", carrier: "inpost", carrierStatus: "delivered", occurredAt: new Date().toISOString() },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  // The rule ran in the event's own transaction: the answer already shows the order completed.
  expect(body).toMatchObject({ event: { type: "parcel_event", data: { event: "delivered" } }, order: { status: { code: "completed" } } });
  return body as { order: { trackingUrl: string } };
}

type EditorWords = { name: string; trigger: string; parcelTrigger: string; events: string; delivered: string; carriers: string; newStatus: string; sentence: string };

/** The rule editor with the new trigger chosen and its conditions filled in (not saved). */
async function ruleEditorWithParcelTrigger(page: Page, words: EditorWords) {
  await page.goto("/admin/automations/new");
  await page.getByLabel(words.name, { exact: true }).fill("E2E parcel draft");
  await page.getByLabel(words.trigger, { exact: true }).selectOption({ label: words.parcelTrigger });
  await page.getByRole("group", { name: words.events }).getByLabel(words.delivered).check();
  await page.getByLabel(words.carriers).fill("inpost");
  await page.getByTestId("action-0").getByLabel(words.newStatus).selectOption({ value: "completed" });
  await expect(page.getByTestId("rule-sentence")).toContainText(words.sentence);
}

/** The editor's sentence and its "When" card: what the new trigger changed on the screen. */
async function shootTrigger(page: Page, when: string, name: string) {
  if (process.env.E2E_SCREENSHOTS !== "1") return;
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const top = (await page.getByTestId("rule-sentence").boundingBox())!;
  const card = (await page.getByRole("heading", { name: when, exact: true }).locator("xpath=ancestor::section[1]").boundingBox())!;
  await page.screenshot({ path: `docs/screenshots/${name}.png`, clip: { x: 0, y: top.y - 16, width: page.viewportSize()!.width, height: card.y + card.height - top.y + 32 } });
}

test("an admin adds the delivered → Completed preset, makes an API key and sets up InPost's receiving address", async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  apiKey = await createKeyInUi(page, "E2E carrier bridge", "write");

  await page.goto("/admin/automations");
  const preset = page.getByTestId("preset-parcel_delivered_complete");
  await expect(preset).toContainText("Complete orders when the carrier delivers the parcel");
  await preset.getByRole("button", { name: "Add rule: Complete orders when the carrier delivers the parcel" }).click();
  await expect(page.getByText("Added 1 rule.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Rules, in the order they run" })).toContainText("When a carrier reports the parcel delivered, set the status to Completed.");
  await expect(page.getByTestId("preset-parcel_returned_to_sender")).toContainText("When a carrier reports the parcel returned to sender, the order moves to Returned.");

  await page.goto("/admin/integrations");
  const inpost = page.getByTestId("carrier-inpost");
  await inpost.getByRole("button", { name: "Create the receiving address" }).click();
  await expect(inpost.getByText("Receiving address created. Paste it into the carrier's panel.")).toBeVisible();
  const address = await inpost.getByLabel("Receiving address").inputValue();
  expect(address).toMatch(/\/api\/carriers\/inpost\/[0-9a-f]{64}$/);
  inpostPath = new URL(address).pathname;
  // InPost checks an address with a GET before it takes it.
  expect((await request.get(inpostPath)).status()).toBe(200);
  expect((await request.get(inpostPath.replace(/.$/, (c) => (c === "0" ? "1" : "0")))).status()).toBe(401);
  await inpost.getByRole("button", { name: "Hide" }).click();
  await expectNoAxeViolations(page);
  await screenshot(inpost, "parcel-integrations-en");

  await ruleEditorWithParcelTrigger(page, {
    name: "Name",
    trigger: "Trigger",
    parcelTrigger: "A carrier reports a parcel event",
    events: "Parcel events",
    delivered: "Parcel delivered",
    carriers: "Reporting carriers",
    newStatus: "New status",
    sentence: "When InPost reports the parcel delivered, set the status to Completed.",
  });
  await expectNoAxeViolations(page);
  await shootTrigger(page, "When", "parcel-rule-editor-en");
});

test.describe("in Polish", () => {
  test.use({ locale: "pl-PL" });

  test("a parcel delivered through the API completes the order: the order page's history and the tracking page say so", async ({ page, request }) => {
    test.setTimeout(120_000);
    const { number } = PARCEL_ORDERS.pl;
    const { order } = await reportDelivered(request, number);

    await signInAnyLanguage(page, ADMIN);
    await page.goto(`/orders/${number}`);
    await expect(page.getByRole("heading", { name: `Zamówienie ${number}` })).toBeVisible();
    const history = page.getByRole("list", { name: "Historia zamówienia" });
    await expect(history.getByText("Przesyłka doręczona · InPost")).toBeVisible();
    await expect(history.getByText("status przewoźnika: delivered")).toBeVisible();
    await expect(history.locator("li").first()).toContainText("Parcel delivered → Completed");
    await expect(history.locator("li").first()).toContainText("Zakończone");
    await expectNoAxeViolations(page);
    await screenshot(history, "parcel-history-pl");

    await page.goto(`${new URL(order.trackingUrl).pathname}?lang=pl`);
    const timeline = page.getByRole("list", { name: "Historia" });
    await expect(timeline.locator("li").nth(1)).toContainText("Przesyłka doręczona · InPost");
    await expect(page.getByText("Zrealizowane").first()).toBeVisible();
    await screenshot(page, "parcel-track-pl", { fullPage: true });

    await page.goto("/admin/integrations");
    await screenshot(page.getByTestId("carrier-inpost"), "parcel-integrations-pl");
    await ruleEditorWithParcelTrigger(page, {
      name: "Nazwa",
      trigger: "Wyzwalacz",
      parcelTrigger: "Przewoźnik zgłasza zdarzenie przesyłki",
      events: "Zdarzenia przesyłki",
      delivered: "Przesyłka doręczona",
      carriers: "Przewoźnicy zgłaszający",
      newStatus: "Nowy status",
      sentence: "Gdy InPost zgłosi, że przesyłka jest doręczona, ustaw status „Zakończone”.",
    });
    await shootTrigger(page, "Kiedy", "parcel-rule-editor-pl");
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("a parcel delivered through the API completes the order: the order page's history and the tracking page say so", async ({ page, request }) => {
    test.setTimeout(120_000);
    const { number } = PARCEL_ORDERS.en;
    const { order } = await reportDelivered(request, number);

    await signIn(page, ADMIN);
    await page.goto(`/orders/${number}`);
    const history = page.getByRole("list", { name: "Order history" });
    await expect(history.getByText("Parcel delivered · InPost")).toBeVisible();
    await expect(history.locator("li").first()).toContainText("Parcel delivered → Completed");
    await expect(history.locator("li").first()).toContainText("Completed");
    await screenshot(history, "parcel-history-en");

    await page.goto(`${new URL(order.trackingUrl).pathname}?lang=en`);
    const timeline = page.getByRole("list", { name: "History" });
    await expect(timeline.locator("li").nth(1)).toContainText("Parcel delivered · InPost");
    await expect(page.getByText("Completed").first()).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, "parcel-track-en", { fullPage: true });
  });
});

test("InPost's documented webhook at the receiving address completes the order once, however often it comes", async ({ request }) => {
  const { number, trackingNumber } = PARCEL_ORDERS.inpost;
  const webhook = {
    event_ts: "2026-12-06 10:20:00 +0100",
    event: "shipment_status_changed",
    organization_id: 1,
    payload: { shipment_id: 49, status: "delivered", tracking_number: trackingNumber },
  };
  const first = await request.post(inpostPath, { data: webhook });
  expect(first.status()).toBe(200);
  expect(await first.json()).toEqual({ recorded: 1, duplicates: 0 });
  expect(await (await request.post(inpostPath, { data: webhook })).json()).toEqual({ recorded: 0, duplicates: 1 });
  const order = await (await request.get(`/api/v1/orders/${number}`, { headers: { authorization: `Bearer ${apiKey}` } })).json();
  expect(order.status.code).toBe("completed");
  const events = await (await request.get(`/api/v1/orders/${number}/events`, { headers: { authorization: `Bearer ${apiKey}` } })).json();
  expect(events.data.filter((e: { type: string }) => e.type === "parcel_event")).toHaveLength(1);
});

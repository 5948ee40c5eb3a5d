import { expect, test } from "@playwright/test";
import { createKeyInUi } from "./api-support";
import { ADMIN, openOrder, signIn } from "./support";

test("the API answers a bad key with problem+json", async ({ request }) => {
  const res = await request.get("/api/v1/orders", { headers: { authorization: "Bearer ok_not-a-real-key-at-all" } });
  expect(res.status()).toBe(401);
  expect(res.headers()["content-type"]).toBe("application/problem+json");
  expect(res.headers()["www-authenticate"]).toContain("Bearer");
  expect(await res.json()).toMatchObject({ status: 401, code: "unauthorized", detail: expect.any(String) });
  const malformed = await request.post("/api/v1/orders", { headers: { authorization: "Bearer x", "content-type": "application/json" }, data: "{" });
  expect(malformed.headers()["content-type"]).toBe("application/problem+json");
});

test("a transition by status code shows in the order's history as made by the key's name", async ({ page, request }) => {
  // Signs in, creates a key in the UI, then drives the API and the order page: more than 30 s on a loaded machine.
  test.setTimeout(90_000);
  await signIn(page, ADMIN);
  const secret = await createKeyInUi(page, "E2E ERP Comarch", "write");
  const headers = { authorization: `Bearer ${secret}` };

  const order = await (await request.get("/api/v1/orders/E2E-API-1", { headers })).json();
  expect(order).toMatchObject({ number: "E2E-API-1", status: { code: "received" }, trackingUrl: expect.stringContaining("/track/") });

  const move = () =>
    request.post("/api/v1/orders/E2E-API-1/transitions", {
      headers: { ...headers, "idempotency-key": "e2e-erp-move-1" },
      data: { to: "awaiting_payment", expectedVersion: order.version, comment: "Confirmed in the ERP" },
    });
  const first = await move();
  expect(first.status()).toBe(200);
  const retry = await move();
  expect(retry.headers()["idempotent-replayed"]).toBe("true");
  expect(await retry.json()).toEqual(await first.json());

  const refused = await request.post("/api/v1/orders/E2E-API-1/transitions", { headers, data: { to: "completed" } });
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({ code: "transition_not_allowed", allowed: expect.arrayContaining([{ code: "cancelled", name: expect.any(String) }]) });

  await openOrder(page, "E2E-API-1");
  await expect(page.getByText("E2E ERP Comarch")).toHaveCount(1);
  await expect(page.getByText("Confirmed in the ERP")).toBeVisible();
});

test("the reference page renders the endpoints from the OpenAPI document", async ({ page, request }) => {
  const openapi = await request.get("/api/v1/openapi.json");
  expect((await openapi.json()).openapi).toBe("3.1.0");
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "Orderly API reference" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /POST \/api\/v1\/orders\/\{number\}\/transitions/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/api-docs.png", fullPage: false });
});

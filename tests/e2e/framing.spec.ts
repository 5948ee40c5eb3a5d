import type { IncomingMessage, ServerResponse } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { LocalHttpServer } from "../support/local-server";
import { ADMIN, openOrder, signIn } from "./support";

/**
 * Another site that frames one of our pages (clickjacking): a server of its own on another port,
 * so another origin. It is on this machine too, because Chromium refuses a public site's frame of
 * a loopback address whatever our headers say, which would let the test pass without them.
 */
class FramingSite extends LocalHttpServer {
  constructor(private readonly target: string) {
    super("framing site");
  }
  url(path: string) {
    return `${this.origin}/frame?path=${encodeURIComponent(path)}`;
  }
  protected async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", this.origin);
    res.setHeader("content-type", "text/html");
    if (url.pathname === "/inner") return res.end("<h1>Inner page</h1>");
    const framed = `${this.target}${url.searchParams.get("path") ?? "/"}`;
    res.end(`<h1>Win a prize</h1><iframe id="control" src="/inner"></iframe><iframe id="target" onload="window.targetLoaded = true" src="${framed}"></iframe>`);
  }
}

/** The tracking link of a fixture order, as staff copy it from the order page. */
async function trackingPath(page: Page): Promise<string> {
  await openOrder(page, "E2E-FRAME-1");
  return new URL(await page.getByLabel("Tracking link").inputValue()).pathname;
}

async function pagesOfEveryKind(page: Page) {
  await signIn(page, ADMIN);
  return { staff: "/board", admin: "/admin/settings", login: "/login", tracking: "/track", trackedOrder: await trackingPath(page), apiDocs: "/api/docs" };
}

test("every kind of page refuses to be framed and is not sniffed", async ({ page, request }) => {
  for (const [kind, path] of Object.entries(await pagesOfEveryKind(page))) {
    // Staff and admin pages with the admin's session (they answer themselves, not the sign-in
    // redirect); the sign-in page without one (a signed-in visitor is sent on).
    const response = await (kind === "login" ? request : page.request).get(path, { maxRedirects: 0 });
    expect(response.status(), `${kind} ${path}`).toBe(200);
    const headers = response.headers();
    expect(headers["x-frame-options"], `${kind} ${path}`).toBe("DENY");
    expect(headers["content-security-policy"], `${kind} ${path}`).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], `${kind} ${path}`).toBe("nosniff");
  }
});

test("the tracking page keeps its own nonce policy and referrer policy", async ({ page }) => {
  const response = await page.request.get("/track");
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()["referrer-policy"]).toBe("no-referrer");
});

test("a page of another origin cannot show ours in a frame", async ({ page, baseURL }) => {
  const site = await new FramingSite(baseURL!).start();
  try {
    for (const [kind, path] of Object.entries(await pagesOfEveryKind(page))) {
      await page.goto(site.url(path));
      // The control frame shows that frames do load on this page.
      await expect(page.frameLocator("#control").getByRole("heading", { name: "Inner page" })).toBeVisible();
      // The load event fires for our page and for the browser's refusal page alike.
      await page.waitForFunction(() => (window as unknown as { targetLoaded?: boolean }).targetLoaded === true);
      const frame = await (await page.locator("#target").elementHandle())!.contentFrame();
      // Chromium replaces a refused frame with its own error page: nothing of ours is in it.
      expect(frame?.url() ?? "", `${kind} ${path}`).not.toContain(baseURL!);
      expect(await frame!.locator("form, main, nav").count(), `${kind} ${path}`).toBe(0);
    }
  } finally {
    await site.stop();
  }
});

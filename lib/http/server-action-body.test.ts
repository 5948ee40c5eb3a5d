import { describe, expect, it } from "vitest";
// @ts-expect-error -- the config is plain JavaScript, without types
import nextConfig from "@/next.config.mjs";
import { BODY_LIMITS } from "./body-limits";
import { refuseOversizeActionPost } from "./server-action-body";

function actionPost(headers: Record<string, string>) {
  return new Request("http://orderly.test/admin/settings", { method: "POST", headers: { "next-action": "abc123", ...headers } });
}

describe("refuseOversizeActionPost", () => {
  it("refuses an action post announcing more than the limit with 413 and a message the screen can show", async () => {
    const refused = refuseOversizeActionPost(actionPost({ "content-length": String(BODY_LIMITS.serverAction + 1) }));
    expect(refused?.status).toBe(413);
    expect(refused?.headers.get("content-type")).toBe("text/plain"); // exactly: Next's action client passes only this on as the message
    expect(await refused?.text()).toContain("1 MB");
  });

  it("lets an action post of exactly the limit through to Next", () => {
    expect(refuseOversizeActionPost(actionPost({ "content-length": String(BODY_LIMITS.serverAction) }))).toBeUndefined();
  });

  it("refuses an action post without Content-Length (chunked) with 411, since its size is unknown until read", () => {
    expect(refuseOversizeActionPost(actionPost({}))?.status).toBe(411);
  });

  it("leaves other requests alone, whatever their size", () => {
    const post = new Request("http://orderly.test/track/lookup", { method: "POST", headers: { "content-length": "99999999" } });
    expect(refuseOversizeActionPost(post)).toBeUndefined();
  });

  it("uses the same limit as Next's own serverActions.bodySizeLimit, and Next copies no more for the proxy", () => {
    const { experimental } = nextConfig as { experimental: { serverActions: { bodySizeLimit: string }; proxyClientMaxBodySize: string } };
    expect(experimental.serverActions.bodySizeLimit).toBe("1mb");
    expect(experimental.proxyClientMaxBodySize).toBe("1mb");
    expect(BODY_LIMITS.serverAction).toBe(1024 * 1024);
  });
});

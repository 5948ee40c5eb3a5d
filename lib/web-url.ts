import { z } from "zod";

/**
 * Whether a string is an absolute http(s) address with a host. Only such addresses are handed to
 * a browser or put in an email: `javascript:` or `data:` in a link runs or shows whatever it
 * carries, on our page or in the customer's mail client.
 */
export function isWebUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
}

/**
 * "A web URL" for every address a shop sets: trimmed, absolute, http or https. `notAUrl` says
 * what the field expects when the text is no address at all.
 */
export function webUrlSchema(notAUrl: string) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (isWebUrl(value)) return;
      const parses = URL.canParse(value);
      ctx.addIssue({ code: "custom", message: parses ? "Use an http or https address" : notAUrl });
    });
}

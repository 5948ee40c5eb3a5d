import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Starts watching a page for the escaping payloads (tests/e2e/escaping-payloads.ts) and returns
 * the check to run once the page shows them. It fails if a payload ran (a dialog opened, or
 * `window.__xss` was set) or if one became markup: an element carrying a payload's `data-xss`
 * marker, or an `on…` handler attribute anywhere (React never writes one; a payload that broke
 * out of an attribute would). The element check is the one that still sees a leak where the
 * tracking page's Content-Security-Policy keeps the script from running.
 */
export function watchForPayloads(page: Page): () => Promise<void> {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return async () => {
    const { ran, injected } = await page.evaluate(() => {
      const found: string[] = [];
      for (const element of document.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
          if (attribute.name === "data-xss" || attribute.name.startsWith("on")) {
            found.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
          }
        }
      }
      return { ran: (window as unknown as { __xss?: unknown }).__xss, injected: found };
    });
    expect(dialogs, "no payload may open a dialog").toEqual([]);
    expect(ran, "no payload may run").toBeUndefined();
    expect(injected, "no payload may become an element or a handler").toEqual([]);
  };
}

/** The option a select shows as chosen, by its text. */
export function chosenOption(select: Locator): Locator {
  return select.locator("option:checked");
}

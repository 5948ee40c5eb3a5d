import { readdirSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { render } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import { errorMessage } from "@/lib/error-causes";

/**
 * `npm run email`: every template in emails/ rendered with its default (realistic) props, on
 * http://localhost:3030, as HTML or plain text. Runs under `tsx watch`, so an edit shows on reload.
 */
const PORT = Number(process.env.EMAIL_PREVIEW_PORT ?? 3030);
const dir = path.join(process.cwd(), "emails");
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function templateNames(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => f.replace(/\.tsx$/, ""));
}

async function renderTemplate(name: string, plainText: boolean): Promise<string> {
  const mod = (await import(pathToFileURL(path.join(dir, `${name}.tsx`)).href)) as { default: ComponentType };
  const element = createElement(mod.default);
  return plainText ? render(element, { plainText: true }) : render(element);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", `http://localhost:${PORT}`);
  const name = url.pathname.slice(1);
  try {
    if (!name) {
      const links = templateNames()
        .map((n) => `<li><a href="/${n}">${escape(n)}</a> · <a href="/${n}?text=1">plain text</a></li>`)
        .join("");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(`<!doctype html><title>Orderly emails</title><h1>Email templates</h1><ul>${links}</ul>`);
    }
    if (!templateNames().includes(name)) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      return res.end(`No template "${name}" in emails/.`);
    }
    const text = url.searchParams.has("text");
    const body = await renderTemplate(name, text);
    res.writeHead(200, { "content-type": `${text ? "text/plain" : "text/html"}; charset=utf-8` });
    res.end(body);
  } catch (error) {
    res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end(`Could not render ${name}: ${errorMessage(error)}`);
  }
});

server.listen(PORT, () => console.log(`Email previews: http://localhost:${PORT} (${templateNames().join(", ")})`));

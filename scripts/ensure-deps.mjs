// Lets `npm run dev` and `npm test` be the only two commands on a fresh clone: installs the
// locked dependencies when they are missing. Node built-ins only, since nothing else is there yet.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("node_modules/.package-lock.json")) {
  console.log("Installing dependencies (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
}

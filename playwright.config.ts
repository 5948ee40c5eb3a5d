import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const SHOP_SETTINGS_SPECS = /\/(admin-settings|admin-templates|reliability-escaping-settings)\.spec\.ts$/;
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATA_DIR = `.data/e2e-${PORT}`;
const chromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => Boolean(p && existsSync(p)),
);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/${PORT}`,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      // Without the network flags Chromium keeps dialling Google's hosts on a closed network.
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: SHOP_SETTINGS_SPECS },
    // The shop's settings are one row that every customer page and email reads: the specs that
    // change them, or read what they say, run one at a time beside the others.
    { name: "shop-settings", use: { ...devices["Desktop Chrome"] }, testMatch: SHOP_SETTINGS_SPECS, workers: 1, fullyParallel: false },
  ],
  webServer: {
    // A fresh embedded database per run, migrated and seeded like a first `npm run dev`, plus the
    // orders the specs declare in tests/e2e/fixtures/.
    command: `rm -rf ${DATA_DIR} && tsx db/seed/cli.ts && tsx tests/e2e/seed-fixtures.ts && next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    // Seeding the demo shop and every spec's fixtures comes first; a busy machine needs the room.
    timeout: 300_000,
    env: {
      PGLITE_DIR: DATA_DIR,
      AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      NODE_ENV: "production",
      // The webhook spec's receivers listen on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_URLS: "true",
      // The specs play a reverse proxy: each client sends the X-Forwarded-For a proxy would
      // append, so rate limits count per test rather than all of them as 127.0.0.1.
      TRUSTED_PROXY_HOPS: "1",
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});

import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; in tests the modules run in plain Node.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,db,components,app,emails,bench}/**/*.test.{ts,tsx}"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The database tests again, on the server named by TEST_DATABASE_URL (`npm run test:pg`).
        resolve: { alias },
        test: {
          name: "db",
          include: ["{lib,db,app}/**/*.db.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // `npm run test:reliability`: invariants under load, faults and hostile input, on a real
        // Postgres. Scenarios start servers and processes of their own, so they run one at a time.
        resolve: { alias },
        test: {
          name: "reliability",
          include: ["tests/reliability/**/*.test.{ts,tsx}"],
          environment: "node",
          fileParallelism: false,
          // The fuzz sends hundreds of requests a minute with one key, the authorisation table dozens
          // with wrong keys from one address; rate limits are tested on their own.
          env: { API_RATE_LIMIT_PER_MINUTE: "10000000", API_FAILED_AUTH_PER_MINUTE: "10000000" },
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema; the dialect is plain Postgres so the same SQL
// runs on PGlite and on a real server.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});

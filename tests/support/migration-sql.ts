import { readFileSync } from "node:fs";
import path from "node:path";

/** The statements of one migration file in db/migrations, in order, as drizzle's migrator splits them. */
export function migrationStatements(file: string): string[] {
  const text = readFileSync(path.join(process.cwd(), "db", "migrations", file), "utf8");
  return text.split("--> statement-breakpoint").map((statement) => statement.trim());
}

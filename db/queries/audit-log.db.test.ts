import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { auditLog } from "@/db/schema";
import { openTestDb } from "@/tests/support/test-db";
import { auditSearchSchema, listAuditActors, listAuditEntries } from "./audit-log";

let handle: DbHandle;
const ZONE = "Europe/Warsaw";

// A log of its own. Warsaw is UTC+1 in winter, so "3 December" in the shop's zone runs from 23:00
// UTC on the 2nd: 2 December 23:30 UTC is already the 3rd there, 3 December 23:30 UTC the 4th.
const rows = [
  { at: "2026-12-01T10:00:00Z", actor: ["user", "1", "Anna"], kind: "status", label: "Packed" },
  { at: "2026-12-02T23:30:00Z", actor: ["user", "1", "Anna"], kind: "matrix", label: "Retail" },
  { at: "2026-12-03T09:00:00Z", actor: ["api", "5", "ERP"], kind: "status", label: "Shipped" },
  { at: "2026-12-03T23:30:00Z", actor: ["user", "2", "Bartek"], kind: "settings", label: "My shop" },
  { at: "2026-12-04T08:00:00Z", actor: ["system", null, "Orderly"], kind: "webhook_endpoint", label: "https://erp.example.com" },
  { at: "2026-12-05T08:00:00Z", actor: ["user", "1", "Anna Nowak"], kind: "status", label: "Returned" },
] as const;

beforeAll(async () => {
  handle = await openTestDb();
  await handle.db.insert(auditLog).values(
    rows.map((r) => ({
      at: new Date(r.at),
      actorType: r.actor[0],
      actorId: r.actor[1],
      actorLabel: r.actor[2],
      kind: r.kind,
      action: "updated",
      subjectLabel: r.label,
      before: { name: "a" },
      after: { name: "b" },
    })),
  );
}, 60_000);
afterAll(async () => handle.close());

const labels = (page: { rows: { subjectLabel: string }[] }) => page.rows.map((r) => r.subjectLabel);

describe("listAuditEntries", () => {
  it("lists the newest first", async () => {
    const page = await listAuditEntries({ db: handle.db, timeZone: ZONE });
    expect(labels(page)).toEqual(["Returned", "https://erp.example.com", "My shop", "Shipped", "Retail", "Packed"]);
    expect(page.hasOlder).toBe(false);
  });

  it("filters by kind and by who", async () => {
    expect(labels(await listAuditEntries({ db: handle.db, timeZone: ZONE, kind: "status" }))).toEqual(["Returned", "Shipped", "Packed"]);
    expect(labels(await listAuditEntries({ db: handle.db, timeZone: ZONE, actor: { type: "user", id: "1" } }))).toEqual(["Returned", "Retail", "Packed"]);
    expect(labels(await listAuditEntries({ db: handle.db, timeZone: ZONE, actor: { type: "api", id: "5" }, kind: "status" }))).toEqual(["Shipped"]);
    expect(labels(await listAuditEntries({ db: handle.db, timeZone: ZONE, actor: { type: "system", id: null } }))).toEqual(["https://erp.example.com"]);
    expect(labels(await listAuditEntries({ db: handle.db, timeZone: ZONE, actor: { type: "api", id: "1" } }))).toEqual([]);
  });

  it("filters by days in the shop's time zone, both ends included", async () => {
    const third = await listAuditEntries({ db: handle.db, timeZone: ZONE, from: "2026-12-03", to: "2026-12-03" });
    expect(labels(third)).toEqual(["Shipped", "Retail"]);
    const inUtc = await listAuditEntries({ db: handle.db, timeZone: "UTC", from: "2026-12-03", to: "2026-12-03" });
    expect(labels(inUtc)).toEqual(["My shop", "Shipped"]);
    expect(labels(await listAuditEntries({ db: handle.db, timeZone: ZONE, from: "2026-12-04" }))).toEqual(["Returned", "https://erp.example.com", "My shop"]);
    expect(labels(await listAuditEntries({ db: handle.db, timeZone: ZONE, to: "2026-12-01" }))).toEqual(["Packed"]);
  });

  it("pages without reading past one page and one row", async () => {
    const first = await listAuditEntries({ db: handle.db, timeZone: ZONE, pageSize: 4 });
    expect(labels(first)).toEqual(["Returned", "https://erp.example.com", "My shop", "Shipped"]);
    expect(first.hasOlder).toBe(true);
    const second = await listAuditEntries({ db: handle.db, timeZone: ZONE, pageSize: 4, page: 2 });
    expect(labels(second)).toEqual(["Retail", "Packed"]);
    expect(second.hasOlder).toBe(false);
    const filtered = await listAuditEntries({ db: handle.db, timeZone: ZONE, pageSize: 2, kind: "status" });
    expect(labels(filtered)).toEqual(["Returned", "Shipped"]);
    expect(filtered.hasOlder).toBe(true);
    expect((await listAuditEntries({ db: handle.db, timeZone: ZONE, page: 99 })).rows).toEqual([]);
  });
});

describe("listAuditActors", () => {
  it("names everyone in the log once, by their latest name, the most recently active first", async () => {
    expect(await listAuditActors({ db: handle.db })).toEqual([
      { type: "user", id: "1", label: "Anna Nowak" },
      { type: "system", id: null, label: "Orderly" },
      { type: "user", id: "2", label: "Bartek" },
      { type: "api", id: "5", label: "ERP" },
    ]);
  });
});

describe("auditSearchSchema", () => {
  it("reads the filters from the URL and drops what does not parse", () => {
    expect(auditSearchSchema.parse({ kind: "matrix", actor: "api:5", from: "2026-12-01", to: "2026-12-03", page: "2" })).toEqual({
      kind: "matrix",
      actor: { type: "api", id: "5" },
      from: "2026-12-01",
      to: "2026-12-03",
      page: 2,
    });
    expect(auditSearchSchema.parse({ actor: "system" })).toMatchObject({ actor: { type: "system", id: null }, page: 1 });
    expect(auditSearchSchema.parse({ kind: "orders", actor: "robot:1", from: "2026-02-30", to: "yesterday", page: "-1" })).toEqual({
      kind: undefined,
      actor: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
    expect(auditSearchSchema.parse({ kind: ["status", "matrix"] })).toMatchObject({ kind: undefined });
  });
});

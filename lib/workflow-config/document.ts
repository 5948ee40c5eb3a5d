import { z } from "zod";
import { lintWorkflow, type WorkflowDefinition } from "@/lib/workflow";
import { codeSchema, colourSchema } from "./schemas";

// The whole workflow configuration as one JSON document: what export writes and import reads.
// Statuses and groups are addressed by code and key (never database ids), so a document moves
// between shops and lives in version control.

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const name = z.string().trim().min(1, "Enter a name").max(80, "At most 80 characters");
/** A group's or an order type's name in other languages; a document without it (older exports) leaves the stored ones as they are. */
const nameTranslations = z.record(z.string(), z.object({ name: z.string().optional() })).optional();

export const documentSchema = z.object({
  format: z.literal("orderly.workflow", "Not an Orderly workflow document"),
  version: z.literal(1, "Only version 1 documents can be imported"),
  exportedAt: z.string().optional(),
  groups: z.array(
    z.object({
      key: codeSchema,
      name,
      colour: colourSchema,
      kind: z.enum(["new", "in_progress", "completed", "not_completed"]),
      translations: nameTranslations,
    }),
  ),
  statuses: z.array(
    z.object({
      code: codeSchema,
      name,
      customerLabel: text(80).nullable(),
      description: text(1000).default(""),
      colour: colourSchema,
      group: z.string(),
      requiresPayment: z.boolean().default(false),
      allowCashOnDelivery: z.boolean().default(false),
      awaitsPayment: z.boolean().default(false),
      // Optional so documents exported before the field existed still import.
      showDocumentsOnTracking: z.boolean().default(false),
      // Absent (documents exported before the flag existed): a status keeps what it has, a new one gets the column's default.
      allowsEditing: z.boolean().optional(),
      slaHours: z.number().int().positive().max(8760).nullable().default(null),
      externalCodes: z.record(z.string().trim().min(1), z.string().trim().min(1).max(80)).default({}),
      notifyCustomerEmail: z.boolean().default(false),
      notifyCustomerSms: z.boolean().default(false),
      notifyAdminEmail: z.boolean().default(false),
      adminEmails: z.array(z.email("Enter a valid email address")).max(20).default([]),
      notifyChannels: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
      translations: z.record(z.string(), z.object({ name: z.string().optional(), customerLabel: z.string().nullable().optional() })).default({}),
      archived: z.boolean().default(false),
      commentTemplates: z
        .array(z.object({ title: z.string().trim().min(1, "Enter a title").max(80), body: z.string().trim().min(1, "Enter the text").max(2000) }))
        .max(30)
        .default([]),
    }),
  ),
  orderTypes: z.array(
    z.object({
      code: codeSchema,
      name,
      initialStatus: z.string(),
      transitions: z.array(z.tuple([z.string(), z.string()])),
      translations: nameTranslations,
    }),
  ),
});
export type WorkflowDocument = z.infer<typeof documentSchema>;

type Issue = { path: (string | number)[]; message: string };

/**
 * Checks a parsed document as a whole: unique keys and codes, every reference resolvable inside
 * the document, no cell into an archived status, and every order type's process free of lint
 * errors. Each problem carries the path of the field at fault.
 */
export function checkDocument(doc: WorkflowDocument): Issue[] {
  const issues: Issue[] = [];
  const dup = <T>(list: T[], keyOf: (t: T) => string, path: string, what: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const key = keyOf(item);
      if (seen.has(key)) issues.push({ path: [path, i], message: `${what} ${key} appears twice` });
      seen.add(key);
    });
  };
  dup(doc.groups, (g) => g.key, "groups", "Group");
  dup(doc.statuses, (s) => s.code, "statuses", "Status");
  dup(doc.orderTypes, (t) => t.code, "orderTypes", "Order type");

  const groups = new Map(doc.groups.map((g) => [g.key, g]));
  const statuses = new Map(doc.statuses.map((s, i) => [s.code, { ...s, id: i + 1 }]));
  doc.statuses.forEach((s, i) => {
    if (!groups.has(s.group)) issues.push({ path: ["statuses", i, "group"], message: `Unknown group ${s.group}` });
  });
  doc.orderTypes.forEach((t, i) => {
    const initial = statuses.get(t.initialStatus);
    if (!initial) issues.push({ path: ["orderTypes", i, "initialStatus"], message: `Unknown status ${t.initialStatus}` });
    else if (initial.archived) issues.push({ path: ["orderTypes", i, "initialStatus"], message: `${t.initialStatus} is archived` });
    t.transitions.forEach(([from, to], j) => {
      for (const code of [from, to]) {
        if (!statuses.has(code)) issues.push({ path: ["orderTypes", i, "transitions", j], message: `Unknown status ${code}` });
      }
      if (statuses.get(to)?.archived) issues.push({ path: ["orderTypes", i, "transitions", j], message: `${to} is archived and cannot be a target` });
      if (from === to) issues.push({ path: ["orderTypes", i, "transitions", j], message: `${from} to itself is not a change` });
    });
  });
  if (issues.length > 0) return issues;

  // Only now can the processes be linted: every reference resolves.
  const all = [...statuses.values()].map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    groupKind: groups.get(s.group)!.kind,
    requiresPayment: s.requiresPayment,
    allowCashOnDelivery: s.allowCashOnDelivery,
    awaitsPayment: s.awaitsPayment,
    archived: s.archived,
  }));
  doc.orderTypes.forEach((t, i) => {
    const def: WorkflowDefinition = {
      statuses: all,
      initialStatusId: statuses.get(t.initialStatus)!.id,
      transitions: t.transitions.map(([from, to]) => ({ from: statuses.get(from)!.id, to: statuses.get(to)!.id })),
    };
    for (const issue of lintWorkflow(def)) {
      if (issue.severity === "error") issues.push({ path: ["orderTypes", i], message: `${t.name}: ${issue.message}` });
    }
  });
  return issues;
}

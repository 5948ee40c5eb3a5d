// The audit trail of configuration changes: entries written in the change's own transaction
// (`record.ts`), and what an entry changed, worked out when it is shown (`changes.ts`).
export { recordAudit, recordAuditIfChanged, SYSTEM_AUDIT_ACTOR, type AuditActor, type AuditRecord } from "./record";
export { sameSnapshot } from "./same";
export { changesOf, shownValue, shorten, type FieldChange, type ShownValue } from "./changes";

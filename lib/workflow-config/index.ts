// Workflow configuration: the admin's statuses, groups, order types and matrices. Every write is
// one transaction, linted across all order types, and refused (as a value) if it breaks a process.
export { createGroup, deleteGroup, reorderGroups, saveStatusLayout, updateGroup } from "./groups";
export { createStatus, deleteStatus, setStatusArchived, updateStatus } from "./statuses";
export { copyMatrix, createOrderType, reorderOrderTypes, updateOrderType } from "./order-types";
export { setTransition, setTransitionRow, type MatrixState } from "./matrix";
export { applyWorkflowPreset, type PresetInput, type PresetKey, type PresetMode } from "./presets";
export { loadAllDefinitions, type TypeDefinition } from "./definitions";
export type { IntroducedIssue } from "./guard";
export * from "./schemas";
export { applyImport, exportWorkflow, previewImport, type ImportPreview } from "./export-import";
export type { StrandingConfirmation } from "./guard";
export { documentSchema, type WorkflowDocument } from "./document";
export type { EntityDiff, MatrixDiff, WorkflowDiff } from "./diff";

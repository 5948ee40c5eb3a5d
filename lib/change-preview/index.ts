export { previewStatusChange, type PreviewChangeInput, type PreviewOptions } from "./preview";
export { previewStatusChanges, type BulkPreviewInput } from "./bulk";
export type { BulkEffects, ChangeEffects, MessageFate, PreviewMessage, PreviewMove, PreviewRule, PreviewWebhook, RefusedOutcome } from "./types";

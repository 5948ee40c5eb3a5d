export * from "./users";
export * from "./workflow";
export * from "./orders";
export * from "./outbox";
export * from "./settings";
export * from "./templates";

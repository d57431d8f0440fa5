/** The conversations list (system list): its fields, mapping and repository. */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./object-ids.ts";
export * from "./repository.ts";
export * from "./handover.ts";

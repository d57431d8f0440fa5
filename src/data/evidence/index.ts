/** The evidence list: its fields, mapping and repository. */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./repository.ts";

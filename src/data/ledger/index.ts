/** The reminder ledger (system list): its fields, mapping and repository (claims, reclaims, marks). */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./repository.ts";

/**
 * The indicator values list: its fields, mapping and repository (recording a value). The batch writer of imports
 * and the seed (write-values.ts) is imported from its own module.
 */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./repository.ts";

/** Importing an existing plan from Word, Excel or CSV: pure parsers, usable in the browser and in Node. */
export * from "./columns.ts";
export * from "./import-id.ts";
export * from "./import-plan.ts";
export * from "./limits.ts";
export * from "./types.ts";
export * from "./rollover-preview.ts";
export * from "./values/parse-values.ts";

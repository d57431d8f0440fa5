/** The updates list: its fields, UpdateRecord and its mapping, and its repository (submitting an update). */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./repository.ts";

/** The EqIA register: its fields, EqiaRecord and its mapping, and its repository. */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./repository.ts";

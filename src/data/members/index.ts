/** The members list: its fields, Member and its mapping, and its repository. */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./repository.ts";

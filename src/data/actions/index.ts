/** The actions list: its fields, ActionRecord and its mapping, and its repository. */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./repository.ts";
export * from "./reassign.ts";

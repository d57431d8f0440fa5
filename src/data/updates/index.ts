/** The updates list: its fields, UpdateRecord and its mapping, its repository (submitting an update) and publication decisions. */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./publication.ts";
export * from "./repository.ts";

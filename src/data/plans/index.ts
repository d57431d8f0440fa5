/** The plans list: its fields, mapping and repository, and a plan's structure (roles, objectives, commitments). */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./repository.ts";
export * from "./structure.ts";

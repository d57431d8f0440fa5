/** Links between EqIAs and actions: fields, mapping and repository (both ways). */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./repository.ts";

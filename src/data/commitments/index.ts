/** The commitments list: its fields and mapping (read with the plan's structure, plans/structure.ts). */
export * from "./fields.ts";
export * from "./mapping.ts";

/** The covering reports list: its fields, CoverReportRecord and its mapping, and its repository. */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./repository.ts";

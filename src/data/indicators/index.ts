/** The indicators list: its fields, IndicatorRecord and its mapping, and its repository. */
export * from "./fields.ts";
export * from "./mapping.ts";
export * from "./repository.ts";

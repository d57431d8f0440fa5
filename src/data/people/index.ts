/** People: site users and expanded person columns. */
export * from "./mapping.ts";
export * from "./repository.ts";

/** The list schema as code: its vocabulary, and every list built from the entities. */
export * from "./lists.ts";
export * from "./vocabulary.ts";

/** An action's version history (the actions list has versioning on): mapping and repository. */
export * from "./mapping.ts";
export * from "./repository.ts";

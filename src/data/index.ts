/** The data layer's public surface: the one factory, auth behaviors, repositories, provisioning. */
export * from "./errors.ts";
export * from "./lists.ts";
export * from "./mappers.ts";
export * from "./schema.ts";
export * from "./sp.ts";
export * from "./values.ts";
export * from "./auth/token-auth.ts";
export * from "./auth/dev-token.ts";
export * from "./repositories/plans.ts";
export * from "./repositories/actions.ts";
export * from "./repositories/updates.ts";
export * from "./repositories/people.ts";
export * from "./repositories/members.ts";
export * from "./repositories/action-versions.ts";
export * from "./repositories/conversations.ts";
export * from "./repositories/ledger.ts";

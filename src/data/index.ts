/**
 * The data layer's public surface: the one factory, the browser-safe auth behaviors, errors, queries and batching,
 * the schema, and every entity's fields, mapping and repository. Provisioning (provision.ts), whole-plan operations
 * (plan-tree/) and MSAL for Node (auth/msal-node.ts, auth/sp-auth.ts) are imported from their own modules: they
 * bring code the tab's first view must not carry. So does an action's version history (action-versions/): the tab
 * imports it with the action view, and a re-export here would put it in the first view's shared chunk. The OData
 * filter helper (odata.ts) stays inside the data layer: only the repositories build queries.
 */

export * from "./actions/index.ts";
export * from "./auth/dev-token.ts";
export * from "./auth/token-auth.ts";
export * from "./batching.ts";
export * from "./commitments/index.ts";
export * from "./conversations/index.ts";
export * from "./cover-reports/index.ts";
export * from "./create-sp.ts";
export * from "./eqia-links/index.ts";
export * from "./eqias/index.ts";
export * from "./errors.ts";
export * from "./evidence/index.ts";
export * from "./indicator-values/index.ts";
export * from "./indicators/index.ts";
export * from "./ledger/index.ts";
export * from "./measure-invalid.ts";
export * from "./members/index.ts";
export * from "./objectives/index.ts";
export * from "./people/index.ts";
export * from "./plans/index.ts";
export * from "./queries.ts";
export * from "./roles/index.ts";
export * from "./schema/index.ts";
export * from "./site-time-zone.ts";
export * from "./throttling.ts";
export * from "./updates/index.ts";
export * from "./values.ts";

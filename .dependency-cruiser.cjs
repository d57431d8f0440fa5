/**
 * Architecture rules, checked in CI (`npm run lint`).
 * domain depends on nothing of ours; data is the only SharePoint client; tab and bot never import each other;
 * local (the stand-in SharePoint) imports nothing of ours so that it cannot share the client's assumptions.
 */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "src/domain is pure TypeScript: it imports nothing else of ours and no IO modules.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { pathNot: ["^src/domain/", "^node_modules/zod/"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "local-imports-nothing-of-ours",
      comment: "src/local stands in for SharePoint; sharing client code would let a shared bug pass every test.",
      severity: "error",
      from: { path: "^src/local/" },
      to: { path: "^src/", pathNot: "^src/local/" },
    },
    {
      name: "nothing-imports-local",
      comment: "Only the CLI may start the local server; product code reaches it over HTTP like real SharePoint.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/local/", "^src/cli/"] },
      to: { path: "^src/local/" },
    },
    {
      name: "tab-not-bot",
      severity: "error",
      from: { path: "^src/tab/" },
      to: { path: "^src/(bot|cli|server)/" },
    },
    {
      name: "bot-not-tab",
      severity: "error",
      from: { path: "^src/bot/" },
      to: { path: "^src/(tab|cli)/" },
    },
    {
      name: "data-below-features",
      comment: "src/data serves tab, bot and CLI; it must not reach up into them.",
      severity: "error",
      from: { path: "^src/data/" },
      to: { path: "^src/(tab|bot|cli|server|local)/" },
    },
    {
      name: "entity-fields-are-plain-definitions",
      comment:
        "src/data/<entity>/fields.ts is gathered into schema/lists.ts, which every query needs: it may import only the schema vocabulary and the domain's constants, or every reader would load the whole data layer.",
      severity: "error",
      from: { path: "^src/data/[^/]+/fields\\.ts$" },
      to: { path: "^src/", pathNot: ["^src/data/schema/vocabulary\\.ts$", "^src/domain/"] },
    },
    {
      name: "data-layers",
      comment:
        "Entities and the shared modules sit below whole-plan operations and provisioning: plan-tree/ builds on the repositories, never the other way round.",
      severity: "error",
      from: { path: "^src/data/", pathNot: "^src/data/plan-tree/" },
      to: { path: "^src/data/(plan-tree/|provision\\.ts$)" },
    },
    {
      name: "tab-without-node-auth",
      comment: "MSAL for Node (and spAuthFrom, which loads it) reads key files from disk; the tab's bundle must never reach for it.",
      severity: "error",
      from: { path: "^src/tab/" },
      to: { path: "^src/data/auth/(msal-node|sp-auth)\\.ts$" },
    },
    {
      name: "only-data-knows-sharepoint",
      comment: "@pnp/* is imported only in src/data (the one spfi() factory and the repositories).",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/data/" },
      to: { path: "node_modules/@pnp/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};

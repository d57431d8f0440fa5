/**
 * Architecture rules, checked in CI (`npm run lint`, over src; tests/cli/not-a-library.test.ts runs them over tests
 * and bench too).
 * domain depends on nothing of ours; data is the only SharePoint client; tab and bot never import each other;
 * local (the stand-in SharePoint) imports nothing of ours so that it cannot share the client's assumptions; the CLI
 * is a shell that nothing imports; configuration sits below every command.
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
      comment: "The tab is a browser bundle: no bot, CLI, server, Graph client or Node-side configuration (it reads /eap-config.json).",
      severity: "error",
      from: { path: "^src/tab/" },
      to: { path: "^src/(bot|cli|server|config|seeding|graph)/" },
    },
    {
      name: "graph-is-a-room",
      comment: "src/graph is the only place that knows Microsoft Graph, and knows nothing else of ours: the bot and the CLI use it, never the reverse.",
      severity: "error",
      from: { path: "^src/graph/" },
      to: { path: "^src/", pathNot: ["^src/graph/", "^src/domain/"] },
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
      to: { path: "^src/(tab|bot|cli|server|local|commands)/" },
    },
    {
      name: "entity-fields-are-plain-definitions",
      comment:
        "src/data/<entity>/fields.ts is gathered into schema/lists.ts (provisioning, doctor, the plan's writes): it may import only the schema vocabulary, the lists' titles and the domain's constants, or every reader would load the whole data layer.",
      severity: "error",
      from: { path: "^src/data/[^/]+/fields\\.ts$" },
      to: { path: "^src/", pathNot: ["^src/data/schema/vocabulary\\.ts$", "^src/data/schema/list-titles\\.ts$", "^src/domain/"] },
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
      name: "tab-shared-below-features",
      comment:
        "src/tab/components, lib and hooks are shared by every feature and the app: they never reach up into a feature or the app, or a change to one view would ripple through all of them (bulletproof-react's unidirectional layers).",
      severity: "error",
      from: { path: "^src/tab/(components|lib|hooks)/" },
      to: { path: "^src/tab/(app|features)/" },
    },
    {
      name: "tab-features-not-app",
      comment: "Features read what the app provides through lib/app-context (useAppContext); the app composes features, never the reverse.",
      severity: "error",
      from: { path: "^src/tab/features/" },
      to: { path: "^src/tab/app/" },
    },
    {
      name: "tab-no-cross-feature",
      comment: "No feature imports another: what two features share moves to components/, lib/ or hooks/, so each feature can change, split or go alone.",
      severity: "error",
      from: { path: "^src/tab/features/([^/]+)/" },
      to: { path: "^src/tab/features/", pathNot: "^src/tab/features/$1/" },
    },
    {
      name: "tab-features-only-through-routes",
      comment: "The route table (app/routes.tsx) is the one place that knows the views: the navigation, access and code splitting all come from it.",
      severity: "error",
      from: { path: "^src/tab/", pathNot: ["^src/tab/app/routes\\.tsx$", "^src/tab/features/"] },
      to: { path: "^src/tab/features/" },
    },
    {
      name: "tab-dev-sign-in-only-on-demand",
      comment:
        "The development sign-in (unsigned tokens for the seeded cast) is for local mode: the app loads it with a dynamic import when the configuration says local, so the production path never carries it.",
      severity: "error",
      from: { path: "^src/tab/", pathNot: "^src/tab/app/dev-sign-in/" },
      to: { path: "^src/tab/app/dev-sign-in/", dependencyTypesNot: ["dynamic-import"] },
    },
    {
      name: "tab-dev-tokens-only-in-dev-sign-in",
      comment: "Only the development sign-in may mint development tokens or know the seeded cast; the data barrel (which re-exports them) stays out of the tab too.",
      severity: "error",
      from: { path: "^src/tab/", pathNot: "^src/tab/app/dev-sign-in/" },
      to: { path: ["^src/seed/", "^src/data/auth/dev-token\\.ts$", "^src/data/index\\.ts$"] },
    },
    {
      name: "only-data-knows-sharepoint",
      comment: "@pnp/* is imported only in src/data (the one spfi() factory and the repositories).",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/data/" },
      to: { path: "node_modules/@pnp/" },
    },
    {
      name: "nothing-imports-cli",
      comment:
        "src/cli only parses flags and prints: what a command does lives in a pipeline (src/seeding, src/report/pipeline.ts, src/data, src/import) that the tab, the tests and the benchmarks call directly.",
      severity: "error",
      from: { path: "^(src|tests|bench)/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "config-below-commands",
      comment:
        "src/config is read by every command (CLI, server, development tab): it holds settings and local identities only, so it imports nothing of ours but the seed's cast (the default local user).",
      severity: "error",
      from: { path: "^src/config/" },
      to: { path: "^src/", pathNot: ["^src/config/", "^src/seed/"] },
    },
    {
      name: "pipelines-below-front-ends",
      comment: "src/seeding and src/report serve the CLI, the tab, the tests and the benchmarks alike: they must not reach up into any of them.",
      severity: "error",
      from: { path: "^src/(seeding|report)/" },
      to: { path: "^src/(cli|server|tab|bot|local)/" },
    },
    {
      name: "server-not-cli-or-tab",
      comment: "src/server is the production process: it mounts the bot and serves the built tab, and is started by the CLI, never the reverse.",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: "^src/(cli|tab|local)/" },
    },
    {
      name: "commands-below-front-ends",
      comment:
        "src/commands holds the checked writes that the server's API and the bot's card actions both call: it builds on the domain's rule and the data layer only, so neither front end can bend it for itself. The import's parsers (src/import, pure like the domain) are allowed: the lead's import is parsed on the server, never taken as a tree from a client.",
      severity: "error",
      from: { path: "^src/commands/" },
      to: { path: "^src/", pathNot: ["^src/commands/", "^src/domain/", "^src/data/", "^src/import/"] },
    },
    {
      name: "tab-not-commands",
      comment:
        "The tab writes through the server's API over HTTP (src/tab/lib/api-client.ts): the check must run where the caller cannot change it, and the commands write with the app's identity, which the browser never holds.",
      severity: "error",
      from: { path: "^src/tab/" },
      to: { path: "^src/commands/" },
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

#!/usr/bin/env node
// The operator CLI. Runs the TypeScript sources through tsx so that `npx eap` works straight from a clone
// without a build step (tsx is a runtime dependency for exactly this reason).
//
// The product runs on Node.js 24 LTS. `npm run`, `npm start`, `npm test` and `npx eap` already put the Node 24 that
// the `node` devDependency installs first on PATH; started directly by an older system Node, the CLI hands itself
// over to that Node 24 rather than fail later on a missing `node:sqlite`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  const bundled = fileURLToPath(new URL("../node_modules/node/bin/node", import.meta.url));
  if (!existsSync(bundled)) {
    console.error(`eap needs Node.js 24 or later (this is ${process.version}); run it through npm (npm start, npx eap).`);
    process.exit(2);
  }
  const child = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const { register } = await import("tsx/esm/api");
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);

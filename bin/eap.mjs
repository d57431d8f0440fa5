#!/usr/bin/env node
// The operator CLI. Runs the TypeScript sources through tsx so that `npx eap` works straight from a clone
// without a build step (tsx is a runtime dependency for exactly this reason).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);

/**
 * `eap`: the operator CLI. Each file in ./commands registers one sub-command; heavy modules are imported
 * inside the command's action so that `eap --help` stays fast.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { ConfigError } from "../config/config-error.ts";
import { CliError } from "./errors.ts";
import { printWarnings } from "./say.ts";

export type RegisterCommand = (program: Command) => void;

export async function main(argv: string[]): Promise<number> {
  const program = new Command("eap")
    .description("Equality Action Plan: run your Equality Objectives and Action Plan from Microsoft Teams and SharePoint.")
    .showHelpAfterError()
    .exitOverride();

  const dir = join(dirname(fileURLToPath(import.meta.url)), "commands");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort();
  for (const file of files) {
    const mod = (await import(join(dir, file))) as { register?: RegisterCommand };
    mod.register?.(program);
  }

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof ConfigError) {
      // Every problem at once, then what else deserves attention (old names); exit 2 like any usage error.
      process.stderr.write(`eap: ${err.message}\n`);
      printWarnings(err.warnings);
      return 2;
    }
    if (err instanceof CliError) {
      process.stderr.write(`eap: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`eap: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    return 1;
  }
}

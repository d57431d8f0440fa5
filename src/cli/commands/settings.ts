/**
 * `eap settings`: every setting of every command (environment variable, flag, who reads it, meaning, default), as
 * the Markdown tables of docs/deploy.md; `--write docs/deploy.md` refreshes the generated block there.
 */
import type { Command } from "commander";

export const register = (program: Command) => {
  program
    .command("settings")
    .description("List every setting (environment variable, flag, commands that read it, meaning, default) as Markdown tables.")
    .option("--write <file>", "replace the generated block of this Markdown file (docs/deploy.md) instead of printing")
    .action(async (opts: { write?: string }) => {
      const { settingsDocs, withSettingsDocs } = await import("../../config/settings-docs.ts");
      if (!opts.write) {
        process.stdout.write(`${settingsDocs()}\n`);
        return;
      }
      const { readFileSync, writeFileSync } = await import("node:fs");
      const { CliError } = await import("../errors.ts");
      let text: string;
      try {
        text = readFileSync(opts.write, "utf8");
      } catch (err) {
        throw new CliError("io", `cannot read ${opts.write}: ${(err as Error).message}`);
      }
      let updated: string;
      try {
        updated = withSettingsDocs(text);
      } catch (err) {
        throw new CliError("invalid-input", `${opts.write}: ${(err as Error).message}`);
      }
      writeFileSync(opts.write, updated);
      console.log(updated === text ? `${opts.write} already lists every setting as it is.` : `Updated the settings tables in ${opts.write}.`);
    });
};

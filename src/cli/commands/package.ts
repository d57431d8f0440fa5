import type { Command } from "commander";
import { SCOPE_SETTINGS } from "../../config/settings.ts";
import { addSettingOptions, typedSettings } from "../setting-options.ts";

/**
 * `eap package` (npm run package): the Teams app package for a tenant, validated offline against Microsoft's
 * schema before it is written. Settings: src/config/package-settings.ts (options > environment > defaults; see
 * docs/deploy.md).
 */
export const register = (program: Command) => {
  addSettingOptions(
    program.command("package").description("Build and validate the Teams app package (appPackage/build/appPackage.zip) from manifest/ and the environment."),
    "package",
    SCOPE_SETTINGS.package,
  )
    .option("--out <file>", "where to write the zip", "appPackage/build/appPackage.zip")
    .action(async (opts, cmd: Command) => {
      const { readFileSync } = await import("node:fs");
      const { resolve } = await import("node:path");
      const { CliError } = await import("../errors.ts");
      const { printWarnings } = await import("../say.ts");
      const { loadPackageSettings } = await import("../../config/package-settings.ts");
      const { buildAppPackage, PackageError } = await import("../../config/app-package.ts");
      const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
      const { options, flagsUsed } = typedSettings(cmd, SCOPE_SETTINGS.package);
      const settings = loadPackageSettings({ ...options, flagsUsed } as Parameters<typeof loadPackageSettings>[0], process.env, { appVersion: pkg.version });
      printWarnings(settings.warnings);
      try {
        const built = await buildAppPackage({ settings, outFile: resolve(opts.out) });
        console.log(`Wrote ${built.outFile} (${built.files.join(", ")}); languages: ${built.languages.join(", ")}.`);
        console.log("The manifest passes Microsoft's Teams manifest schema (validated offline).");
      } catch (err) {
        if (err instanceof PackageError) throw new CliError("invalid-input", err.message, 1);
        throw err;
      }
    });
};

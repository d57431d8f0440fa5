import type { Command } from "commander";

/**
 * `eap package` (npm run package): the Teams app package for a tenant, validated offline against Microsoft's
 * schema before it is written. Settings: options > environment (TEAMS_APP_ID, EAP_CLIENT_ID, EAP_BOT_ID,
 * EAP_PUBLIC_HOST, EAP_SITE_URL, ...; see docs/deploy.md) > defaults.
 */
export const register = (program: Command) => {
  program
    .command("package")
    .description("Build and validate the Teams app package (appPackage/build/appPackage.zip) from manifest/ and the environment.")
    .option("--teams-app-id <guid>", "Teams app id (env TEAMS_APP_ID)")
    .option("--client-id <guid>", "the tab's Entra app client id (env EAP_CLIENT_ID)")
    .option("--bot-id <guid>", "the bot's Entra app id (env EAP_BOT_ID)")
    .option("--public-host <host>", "host name Teams loads the tab from, e.g. eap.contoso.gov.uk (env EAP_PUBLIC_HOST)")
    .option("--site-url <url>", "the SharePoint site; its origin gives the tab's SharePoint scope (env EAP_SITE_URL)")
    .option("--app-version <x.y.z>", "app version shown in Teams (env EAP_APP_VERSION, default: package.json version)")
    .option("--out <file>", "where to write the zip", "appPackage/build/appPackage.zip")
    .action(async (opts) => {
      const { readFileSync } = await import("node:fs");
      const { resolve } = await import("node:path");
      const { CliError } = await import("../errors.ts");
      const { ConfigError } = await import("../../config/config-error.ts");
      const { loadPackageSettings } = await import("../../config/package-settings.ts");
      const { buildAppPackage, PackageError } = await import("../../config/app-package.ts");
      const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
      try {
        const settings = loadPackageSettings(
          { teamsAppId: opts.teamsAppId, clientId: opts.clientId, botId: opts.botId, publicHost: opts.publicHost, siteUrl: opts.siteUrl, appVersion: opts.appVersion },
          process.env,
          { appVersion: pkg.version },
        );
        const built = await buildAppPackage({ settings, outFile: resolve(opts.out) });
        console.log(`Wrote ${built.outFile} (${built.files.join(", ")}); languages: ${built.languages.join(", ")}.`);
        console.log("The manifest passes Microsoft's Teams manifest schema (validated offline).");
      } catch (err) {
        if (err instanceof ConfigError) throw new CliError("config", err.message);
        if (err instanceof PackageError) throw new CliError("invalid-input", err.message, 1);
        throw err;
      }
    });
};

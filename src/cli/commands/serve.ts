import type { Command } from "commander";
import { SCOPE_SETTINGS } from "../../config/settings.ts";
import { addSettingOptions, typedSettings } from "../setting-options.ts";

/**
 * `eap serve` (npm run serve): the production server. Configuration: src/config/server-config.ts (options >
 * environment > defaults; docs/deploy.md); every invalid or missing setting is listed at once and the process exits
 * 2 without listening. SIGTERM / SIGINT stop it gracefully (exit 0).
 */
export const register = (program: Command) => {
  addSettingOptions(
    program
      .command("serve")
      .description(
        "Run the production server: the built tab, /eap-config.json, the bot endpoint /api/messages, reminders, /healthz and /readyz. On App Service it listens on all interfaces (docs/deploy.md).",
      ),
    "serve",
    SCOPE_SETTINGS.serve,
  ).action(async (_opts, cmd: Command) => {
    const { loadServerConfig } = await import("../../config/server-config.ts");
    const { startProductionServer, createLogger } = await import("../../server/index.ts");
    const config = loadServerConfig(typedSettings(cmd, SCOPE_SETTINGS.serve).options);
    const log = createLogger(config.logLevel);
    for (const w of config.warnings) log.warn({ setting: w.setting }, w.message);
    const server = await startProductionServer(config, { logger: log });
    // Keep the command pending until a signal has stopped the server gracefully; then main() returns 0.
    await new Promise<void>((resolveStopped) => {
      const onSignal = (signal: NodeJS.Signals) => {
        log.info({ signal }, "signal received");
        process.off("SIGTERM", onSignal);
        process.off("SIGINT", onSignal);
        server.stop().then(resolveStopped, (err) => {
          log.error({ err: String(err) }, "shutdown failed");
          process.exitCode = 1;
          resolveStopped();
        });
      };
      process.on("SIGTERM", onSignal);
      process.on("SIGINT", onSignal);
    });
  });
};

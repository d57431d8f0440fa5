import type { Command } from "commander";

/**
 * `eap serve` (npm run serve): the production server. Configuration: options > environment > defaults (see
 * docs/deploy.md); every invalid or missing setting is listed at once and the process exits 2 without listening.
 * SIGTERM / SIGINT stop it gracefully (exit 0).
 */
export const register = (program: Command) => {
  program
    .command("serve")
    .description("Run the production server: the built tab, /eap-config.json, the bot endpoint /api/messages, reminders, /healthz and /readyz.")
    .option("--mode <mode>", "m365 | local (env EAP_MODE, default m365)")
    .option("--host <host>", "address to listen on (env EAP_HOST, default 127.0.0.1; all interfaces behind App Service, see docs/deploy.md)")
    .option("--port <port>", "port (env EAP_PORT or PORT, default 3978; 0 = any free port)")
    .option("--site <url>", "SharePoint site URL (env EAP_SITE_URL)")
    .option("--tab-dir <dir>", "the built tab (env EAP_TAB_DIR, default dist/tab)")
    .option("--no-reminders", "do not run the reminder schedule in this process (env EAP_REMINDERS=false)")
    .action(async (opts) => {
      const { CliError } = await import("../errors.ts");
      const { ConfigError } = await import("../../config/config-error.ts");
      const { loadServerConfig } = await import("../../config/server-config.ts");
      const { startProductionServer, createLogger } = await import("../../server/index.ts");
      let config: ReturnType<typeof loadServerConfig>;
      try {
        config = loadServerConfig({
          mode: opts.mode,
          host: opts.host,
          port: opts.port,
          siteUrl: opts.site,
          tabDir: opts.tabDir,
          reminders: opts.reminders === false ? false : undefined,
        });
      } catch (err) {
        if (err instanceof ConfigError) throw new CliError("config", err.message);
        throw err;
      }
      const log = createLogger(config.logLevel);
      let server: Awaited<ReturnType<typeof startProductionServer>>;
      try {
        server = await startProductionServer(config, { logger: log });
      } catch (err) {
        if (err instanceof ConfigError) throw new CliError("config", err.message);
        throw err;
      }
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

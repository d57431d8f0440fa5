import type { Command } from "commander";
import { SCOPE_SETTINGS } from "../../config/settings.ts";
import { addSettingOptions, typedSettings } from "../setting-options.ts";

const DEV_FLAGS = SCOPE_SETTINGS.dev;

export const register = (program: Command) => {
  addSettingOptions(
    program
      .command("dev")
      .description(
        "Run the whole product locally (what `npm start` runs): the local SharePoint server seeded with the plan, the tab, the bot and Microsoft 365 Agents Playground, all on 127.0.0.1.",
      ),
    "dev",
    DEV_FLAGS,
  )
    .option("--now <iso>", "the date the seeded delivery dates are moved near (default: today)")
    .action(async (opts, cmd: Command) => {
      const { loadDevConfig } = await import("../../config/dev-config.ts");
      const { parseNow } = await import("../now.ts");
      const { printWarnings } = await import("../say.ts");
      const { runDev } = await import("../dev-run.ts");
      const config = loadDevConfig(typedSettings(cmd, DEV_FLAGS).options);
      printWarnings(config.warnings);
      const stack = await runDev({ ...config, now: parseNow(opts.now), say: (m) => console.log(m) });
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      console.log("\nStopping…");
      await stack.close();
    });
};

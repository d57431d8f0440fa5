import type { Command } from "commander";

export const register = (program: Command) => {
  program
    .command("dev")
    .description(
      "Run the whole product locally (what `npm start` runs): the local SharePoint server seeded with the plan, the tab, the bot and Microsoft 365 Agents Playground, all on 127.0.0.1.",
    )
    .option("--data <dir>", "where the local SharePoint keeps its databases", process.env.EAP_DATA_DIR ?? ".data")
    .option("--sharepoint-port <n>", "local SharePoint port", process.env.EAP_SHAREPOINT_PORT ?? "4321")
    .option("--tab-port <n>", "tab (vite) port", process.env.EAP_TAB_PORT ?? "5173")
    .option("--bot-port <n>", "bot port", process.env.EAP_BOT_PORT ?? "3978")
    .option("--playground-port <n>", "Agents Playground port", process.env.EAP_PLAYGROUND_PORT ?? "56150")
    .option("--no-playground", "do not start Agents Playground")
    .option("--now <iso>", "the date the seeded delivery dates are moved near (default: today)")
    .action(async (opts) => {
      const { runDev } = await import("../dev-run.ts");
      const stack = await runDev({
        dataDir: opts.data,
        ports: {
          sharepoint: Number(opts.sharepointPort),
          tab: Number(opts.tabPort),
          bot: Number(opts.botPort),
          playground: Number(opts.playgroundPort),
        },
        playground: opts.playground !== false,
        now: opts.now ? new Date(opts.now) : new Date(),
        say: (m) => console.log(m),
      });
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      console.log("\nStopping…");
      await stack.close();
    });
};

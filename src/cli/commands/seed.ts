import type { Command } from "commander";
import { addSiteOptions, siteSettings } from "../site.ts";

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("seed")
      .description(
        "Load the seeded plan (Maidstone Borough Council's Equality Objectives and Action Plan 2017-21 as its documents record it: the 2017 table, the 2020 revision with its 2020-21 progress, the 2022-23 appendix) with a fictional cast of officers, and a demonstration 2023-2027 plan carrying its continuing actions. Safe to run again.",
      )
      .option("--shift-to-today", "move the current plan's delivery dates near today so that reminders have work to do")
      .option("--now <iso>", "the 'today' that --shift-to-today uses (default: now)"),
  ).action(async (opts) => {
    const { runSeed } = await import("../seed-run.ts");
    const { toCliError } = await import("../report-error.ts");
    const settings = siteSettings(opts);
    const now = opts.now ? new Date(opts.now) : new Date();
    if (Number.isNaN(now.getTime())) throw new (await import("../errors.ts")).CliError("usage", `--now "${opts.now}" is not an ISO date-time`);
    try {
      const { writeProgress } = await import("../progress.ts");
      const bar = writeProgress();
      const r = await runSeed(settings, { shiftToToday: Boolean(opts.shiftToToday), now, say: (m) => bar.log(m), progress: bar.update }).finally(() => bar.stop());
      console.log(r.summary);
    } catch (err) {
      throw toCliError(err);
    }
  });
};

import type { Command } from "commander";
import { addSiteOptions, siteAccess } from "../site.ts";

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("seed")
      .description(
        "Load the seeded plan (Maidstone Borough Council's Equality Objectives and Action Plan 2017-21 as its documents record it: the 2017 table, the 2020 revision with its 2020-21 progress, the 2022-23 appendix) with a fictional cast of officers, and a demonstration 2023-2027 plan carrying its continuing actions. Safe to run again.",
      )
      .option("--shift-to-today", "move the current plan's delivery dates near today so that reminders have work to do")
      .option("--now <iso>", "the 'today' that --shift-to-today uses (default: now)"),
  ).action(async (opts, cmd: Command) => {
    const { seedSite } = await import("../../seeding/seed-site.ts");
    const { toCliError } = await import("../report-error.ts");
    const { connect } = await import("../site.ts");
    const access = siteAccess(cmd);
    const now = (await import("../now.ts")).parseNow(opts.now);
    try {
      const { writeProgress } = await import("../progress.ts");
      const bar = writeProgress();
      const target = { siteUrl: access.siteUrl, sp: await connect(access), local: access.signIn.kind === "dev" };
      const r = await seedSite(target, { shiftToToday: Boolean(opts.shiftToToday), now, say: (m) => bar.log(m), progress: bar.update }).finally(() => bar.stop());
      console.log(r.summary);
    } catch (err) {
      throw toCliError(err);
    }
  });
};

/**
 * `eap report`: the annual committee report (.docx) for one financial year of one plan, shaped like the seeds'
 * "Appendix 1 – Updates on actions from 2022-23" (src/report/pipeline.ts, as the tab makes it). Bad input (no such
 * plan, a period with no updates, an output path that cannot be written) ends with a clear message, exit code 1
 * and no file.
 */
import type { Command } from "commander";
import { addSiteOptions, siteAccess } from "../site.ts";

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("report")
      .description("Write the committee report (Word) for one financial year: summary by role, then every action updated that year with its disposition.")
      .requiredOption("--plan <name>", "the plan's title (or its period, e.g. 2017-2021)")
      .requiredOption("--period <year>", "financial year, e.g. 2022-23")
      .requiredOption("--out <file>", "where to write the .docx"),
  ).action(async (opts: { plan: string; period: string; out: string }, cmd: Command) => {
    const { CliError } = await import("../errors.ts");
    const { planFileError } = await import("../report-error.ts");
    const { normalisePeriod } = await import("../../domain/report-model.ts");
    const { checkWritable, writeFileAtomic } = await import("../write-file-atomic.ts");
    const access = siteAccess(cmd);
    if (!/\.docx$/i.test(opts.out)) throw new CliError("invalid-input", `--out "${opts.out}" must end in .docx`);
    try {
      normalisePeriod(opts.period); // a bad period is named before anything is read
      checkWritable(opts.out);
      const { connect } = await import("../site.ts");
      const { requirePlan } = await import("../../data/index.ts");
      const { committeeReportFile } = await import("../../report/pipeline.ts");
      const sp = await connect(access);
      const { model, bytes } = await committeeReportFile(sp, await requirePlan(sp, opts.plan), opts.period);
      writeFileAtomic(opts.out, bytes);
      const roles = model.summary.slice(0, -1).map((r) => `${r.label} ${r.total}`).join(", ");
      console.log(`Wrote ${opts.out}: ${model.title} — ${model.actionCount} action(s) (${roles}).`);
    } catch (err) {
      throw planFileError(err);
    }
  });
};

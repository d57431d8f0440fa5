/**
 * `eap report`: the annual committee report (.docx) for one financial year of one plan (src/report/pipeline.ts, as
 * the tab makes it): the covering report the equalities lead wrote for that year (when there is one), then the
 * appendix shaped like the seeds' "Appendix 1 – Updates on actions from 2022-23". Committee papers are public, so
 * only approved updates go in: updates still awaiting approval stop it (listed) unless --approved-only. Bad input
 * (no such plan, a period with no updates, an output path that cannot be written) ends with a clear message, exit
 * code 1 and no file.
 */
import type { Command } from "commander";
import { addSiteOptions, siteAccess } from "../site.ts";

interface ReportOptions {
  plan: string;
  period: string;
  out: string;
  approvedOnly?: boolean;
  appendixOnly?: boolean;
}

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("report")
      .description("Write the committee report (Word) for one financial year: the covering report, then the summary by role and every action with approved progress that year.")
      .requiredOption("--plan <name>", "the plan's title (or its period, e.g. 2017-2021)")
      .requiredOption("--period <year>", "financial year, e.g. 2022-23")
      .requiredOption("--out <file>", "where to write the .docx")
      .option("--approved-only", "leave out updates still awaiting approval (they are listed) instead of stopping")
      .option("--appendix-only", "the appendix alone, without the covering report"),
  ).action(async (opts: ReportOptions, cmd: Command) => {
    const { CliError } = await import("../errors.ts");
    const { leftOutNote, planFileError } = await import("../report-error.ts");
    const { normalisePeriod } = await import("../../domain/report-model.ts");
    const { checkWritable, writeFileAtomic } = await import("../write-file-atomic.ts");
    const access = siteAccess(cmd);
    if (!/\.docx$/i.test(opts.out)) throw new CliError("invalid-input", `--out "${opts.out}" must end in .docx`);
    try {
      const period = normalisePeriod(opts.period); // a bad period is named before anything is read
      checkWritable(opts.out);
      const { connect } = await import("../site.ts");
      const { requirePlan } = await import("../../data/index.ts");
      const { committeeReportFile } = await import("../../report/pipeline.ts");
      const sp = await connect(access);
      const { model, bytes, cover } = await committeeReportFile(sp, await requirePlan(sp, opts.plan), period, {
        awaiting: opts.approvedOnly ? "leave-out" : "refuse",
        cover: !opts.appendixOnly,
      });
      writeFileAtomic(opts.out, bytes);
      const roles = model.summary.slice(0, -1).map((r) => `${r.label} ${r.total}`).join(", ");
      const coverNote = cover ? `the covering report "${cover.cover.title}", then ` : "";
      const noCover = !cover && !opts.appendixOnly ? `\nNo covering report is stored for ${period}: the document is the appendix alone.` : "";
      console.log(`Wrote ${opts.out}: ${coverNote}${model.title} — ${model.actionCount} action(s) (${roles}).${noCover}${leftOutNote(model.leftOut)}`);
    } catch (err) {
      throw planFileError(err);
    }
  });
};

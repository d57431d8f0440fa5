/**
 * `eap report`: the annual committee report (.docx) for one financial year of one plan, shaped like the seeds'
 * "Appendix 1 – Updates on actions from 2022-23". Bad input (no such plan, a period with no updates, an output
 * path that cannot be written) ends with a clear message, exit code 1 and no file.
 */
import type { Command } from "commander";
import { addSiteOptions, siteSettings } from "../site.ts";

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("report")
      .description("Write the committee report (Word) for one financial year: summary by role, then every action updated that year with its disposition.")
      .requiredOption("--plan <name>", "the plan's title (or its period, e.g. 2017-2021)")
      .requiredOption("--period <year>", "financial year, e.g. 2022-23")
      .requiredOption("--out <file>", "where to write the .docx"),
  ).action(async (opts: { plan: string; period: string; out: string; site?: string; auth?: string; as?: string }) => {
    const { CliError } = await import("../errors.ts");
    const { toCliError } = await import("../report-error.ts");
    const { ReportError, buildReportModel, normalisePeriod } = await import("../../domain/report-model.ts");
    const { OutputPathError, checkWritable, writeFileAtomic } = await import("../../report/write-file-atomic.ts");
    const settings = siteSettings(opts);
    if (!/\.docx$/i.test(opts.out)) throw new CliError("invalid-input", `--out "${opts.out}" must end in .docx`);
    try {
      const period = normalisePeriod(opts.period);
      checkWritable(opts.out);
      const { connect } = await import("../site.ts");
      const data = await import("../../data/index.ts");
      const sp = await connect(settings);
      const plan = await data.requirePlan(sp, opts.plan);
      const [structure, actions, updates] = await Promise.all([
        data.getPlanStructure(sp, plan),
        data.getPlanActions(sp, plan.id),
        data.getPlanUpdates(sp, plan.id, period),
      ]);
      const model = buildReportModel({ structure, actions, updates, period });
      const { committeeReportBytes } = await import("../../report/committee-report-docx.ts");
      writeFileAtomic(opts.out, await committeeReportBytes(model));
      const roles = model.summary.slice(0, -1).map((r) => `${r.label} ${r.total}`).join(", ");
      console.log(`Wrote ${opts.out}: ${model.title} — ${model.actionCount} action(s) (${roles}).`);
    } catch (err) {
      if (err instanceof ReportError) throw new CliError(err.reason === "no-updates" ? "not-found" : "invalid-input", err.message);
      if (err instanceof OutputPathError) throw new CliError("io", err.message);
      throw toCliError(err);
    }
  });
};

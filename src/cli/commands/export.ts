/**
 * `eap export`: the whole plan as CSV or XLSX, one row per action, every text cell neutralised against formula
 * injection (src/report/pipeline.ts, as the tab makes them). Writes through a temporary file, so a failure never
 * leaves a partial export behind.
 */
import type { Command } from "commander";
import { addSiteOptions, siteAccess } from "../site.ts";

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("export")
      .description("Export a plan's actions (one row per action) as CSV or XLSX.")
      .requiredOption("--plan <name>", "the plan's title (or its period, e.g. 2023-2027)")
      .requiredOption("--format <format>", "csv | xlsx")
      .requiredOption("--out <file>", "where to write the file"),
  ).action(async (opts: { plan: string; format: string; out: string }, cmd: Command) => {
    const { CliError } = await import("../errors.ts");
    const { planFileError } = await import("../report-error.ts");
    const { EXPORT_FORMATS, planExportFile } = await import("../../report/pipeline.ts");
    const { checkWritable, writeFileAtomic } = await import("../write-file-atomic.ts");
    const access = siteAccess(cmd);
    const format = EXPORT_FORMATS.find((f) => f === opts.format.toLowerCase());
    if (!format) throw new CliError("invalid-input", `--format "${opts.format}" is not one of: ${EXPORT_FORMATS.join(", ")}`);
    if (!opts.out.toLowerCase().endsWith(`.${format}`)) throw new CliError("invalid-input", `--out "${opts.out}" must end in .${format} for --format ${format}`);
    try {
      checkWritable(opts.out);
      const { connect } = await import("../site.ts");
      const { requirePlan } = await import("../../data/index.ts");
      const sp = await connect(access);
      const plan = await requirePlan(sp, opts.plan);
      const file = await planExportFile(sp, plan, format, { now: new Date() });
      writeFileAtomic(opts.out, file.bytes);
      console.log(`Wrote ${opts.out}: ${file.rows} action(s) of "${plan.title}".`);
    } catch (err) {
      throw planFileError(err);
    }
  });
};

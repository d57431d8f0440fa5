/**
 * `eap export`: the whole plan as CSV or XLSX, one row per action, every text cell neutralised against formula
 * injection. Writes through a temporary file, so a failure never leaves a partial export behind.
 */
import type { Command } from "commander";
import { addSiteOptions, siteSettings } from "../site.ts";

const FORMATS = ["csv", "xlsx"] as const;

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("export")
      .description("Export a plan's actions (one row per action) as CSV or XLSX.")
      .requiredOption("--plan <name>", "the plan's title (or its period, e.g. 2023-2027)")
      .requiredOption("--format <format>", "csv | xlsx")
      .requiredOption("--out <file>", "where to write the file"),
  ).action(async (opts: { plan: string; format: string; out: string; site?: string; auth?: string; as?: string }) => {
    const { CliError } = await import("../errors.ts");
    const { toCliError } = await import("../report-error.ts");
    const { OutputPathError, checkWritable, writeFileAtomic } = await import("../../report/write-file-atomic.ts");
    const settings = siteSettings(opts);
    const format = opts.format.toLowerCase();
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new CliError("invalid-input", `--format "${opts.format}" is not one of: ${FORMATS.join(", ")}`);
    }
    if (!opts.out.toLowerCase().endsWith(`.${format}`)) throw new CliError("invalid-input", `--out "${opts.out}" must end in .${format} for --format ${format}`);
    try {
      checkWritable(opts.out);
      const { connect } = await import("../site.ts");
      const data = await import("../../data/index.ts");
      const sp = await connect(settings);
      const plan = await data.requirePlan(sp, opts.plan);
      const [structure, actions] = await Promise.all([data.getPlanStructure(sp, plan), data.getPlanActions(sp, plan.id)]);
      const { exportRows } = await import("../../report/export-rows.ts");
      const { exportCsv, exportXlsx } = await import("../../report/export-files.ts");
      const now = new Date();
      const rows = exportRows(structure, actions, now);
      const bytes = format === "csv" ? exportCsv(rows) : await exportXlsx(rows, { title: plan.title, now });
      writeFileAtomic(opts.out, bytes);
      console.log(`Wrote ${opts.out}: ${rows.length} action(s) of "${plan.title}".`);
    } catch (err) {
      if (err instanceof OutputPathError) throw new CliError("io", err.message);
      throw toCliError(err);
    }
  });
};

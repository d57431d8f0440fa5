/**
 * `eap import-values FILE --plan NAME [--dry-run]`: indicator values from Excel (.xlsx) or CSV into a plan, one row
 * per indicator, period and breakdown group, matched by action reference and indicator name (src/import/write/
 * import-values.ts). All or nothing: every row is checked first and every problem listed with its place (sheet,
 * row, column); nothing is written unless all are good. A value equal to the one recorded is left alone and a
 * different one is written as a correction (kept in the history); running the same file again after a stop
 * writes only what is missing. A separate command from `eap import`, which creates a plan: this fills in one.
 *
 * Exit codes: 0 imported (or dry run clean), 1 problems in the file or SharePoint refused, 2 usage.
 */
import type { Command } from "commander";
import { addSiteOptions, siteAccess } from "../site.ts";

interface ImportValuesCliOptions {
  plan: string;
  dryRun?: boolean;
  importId?: string;
}

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("import-values")
      .description("Import indicator values into a plan from Excel (.xlsx) or CSV: one row per indicator, period and group (columns Action reference, Indicator, Period, Group, Value, Note). All or nothing.")
      .argument("<file>", "the .xlsx or .csv file (the workbook `eap export` writes imports back as it is)")
      .requiredOption("--plan <name>", "the plan whose indicators the values are for (its title or period)")
      .option("--dry-run", "check the file and say what would be written; write nothing")
      .option("--import-id <id>", "id of this import (default: from the file's SHA-256 and the plan name)"),
  ).action(async (file: string, opts: ImportValuesCliOptions, cmd: Command) => {
    await runImportValues(file, opts, cmd);
  });
};

const out = (m: string) => process.stdout.write(`${m}\n`);
const err = (m: string) => process.stderr.write(`${m}\n`);

async function runImportValues(file: string, o: ImportValuesCliOptions, cmd: Command): Promise<void> {
  const [{ readInputFile }, { basename }, { writeProgress }, { londonDate }, imp, { importValues }, data, { CliError }, { toCliError }, { connect }] = await Promise.all([
    import("../read-input-file.ts"),
    import("node:path"),
    import("../progress.ts"),
    import("../../domain/london-time.ts"),
    import("../../import/index.ts"),
    import("../../import/write/import-values.ts"),
    import("../../data/index.ts"),
    import("../errors.ts"),
    import("../report-error.ts"),
    import("../site.ts"),
  ]);
  if (o.importId) {
    const bad = imp.checkImportId(o.importId);
    if (bad) throw new CliError("usage", `--import-id: ${bad}`);
  }
  const access = siteAccess(cmd);
  const bytes = await readInputFile(file);
  const name = basename(file);
  try {
    const sp = await connect(access);
    const plan = await data.requirePlan(sp, o.plan);
    const now = new Date();
    const recordedBy = await data.getCurrentPerson(sp);
    const importId = o.importId ?? (await imp.importIdFor(bytes, plan.title));
    const bar = writeProgress();
    const { parsed, result } = await importValues(sp, plan, bytes, {
      fileName: name,
      importId,
      recordedBy,
      now,
      today: londonDate(now),
      dryRun: o.dryRun,
      onProgress: (done, total) => bar.update("values".padEnd(12), done, total),
    }).finally(() => bar.stop());
    for (const n of parsed.notes) err(`note: ${n}`);
    if (!result) {
      err(`"${name}" cannot be imported: ${parsed.problems.length} problem(s). Nothing was written.`);
      for (const p of parsed.problems) err(`  - ${imp.describeProblem(p)}`);
      throw new CliError("invalid-input", `${parsed.problems.length} problem(s) in "${name}"; nothing was written.`);
    }
    const what = `${result.added} new value(s), ${result.corrected} correction(s), ${result.unchanged} unchanged`;
    const from = `${parsed.rows.length} row(s) of ${parsed.format?.toUpperCase()} "${name}" (${parsed.table})`;
    if (o.dryRun) {
      out(`Dry run: ${from} for "${plan.title}": ${what}. Nothing was written.`);
      return;
    }
    out(`Imported ${from} into "${plan.title}": ${what}. Import id ${importId}.`);
    if (result.conflicts.length) {
      for (const c of result.conflicts) err(`  - ${c.message}`);
      throw new CliError("conflict", `${result.conflicts.length} value(s) were recorded by someone else while the import ran and were left as they are; look at them, then run the import again to correct them.`);
    }
  } catch (e) {
    throw toCliError(e);
  }
}

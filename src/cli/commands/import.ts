/**
 * `eap import FILE --plan NAME [--period 2023-2027]`: brings an existing plan in from Word (.docx), Excel (.xlsx) or
 * CSV. Without --period, the period is inferred from the plan's name or the document, and the output says from
 * where. Everything is checked first and every problem is listed with its place (table, row, column); nothing is
 * written unless all is valid, or unless --skip-invalid explicitly leaves the bad rows out. Every person the file
 * names who cannot be found is listed with their actions; --reassign old=new names who takes over. Re-running the same
 * import (same file and plan name, or the same --import-id) finishes an interrupted one without duplicates.
 *
 * Exit codes: 0 imported (or dry run clean), 1 problems in the file or SharePoint refused, 2 usage.
 */
import type { Command } from "commander";
import type { KnownPerson } from "../../import/types.ts";
import { addSiteOptions } from "../site.ts";

interface ImportCliOptions {
  plan: string;
  period?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  importId?: string;
  map?: string;
  role?: string;
  reassign?: string[];
}

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("import")
      .description("Import an existing action plan from a Word (.docx), Excel (.xlsx) or CSV file as a new plan. All or nothing.")
      .argument("<file>", "the .docx, .xlsx or .csv file")
      .requiredOption("--plan <name>", "name of the new plan, e.g. \"Equality Objectives and Action Plan 2023-2027\"")
      .option("--period <years>", "the plan's period, e.g. 2023-2027 (default: inferred from the plan's name, or the document's title, headings or opening lines)")
      .option("--dry-run", "check the file and show what would be imported; write nothing")
      .option("--skip-invalid", "leave out the rows that have problems and import the rest (they are listed)")
      .option("--import-id <id>", "id of this import (default: from the file's SHA-256 and the plan name)")
      .option("--map <pairs>", "map headers to fields: \"Actions=action,Lead=officer\" (fields: role, objective, commitment, action, reference, officer, measures, due, status, update, ignore)")
      .option("--role <name>", "role for every action when the file names none (no role rows or Role column)")
      .option("--reassign <old=new>", "who takes over from a person the file names who cannot be found (left, mistyped): sign-in names or emails; repeatable", (v: string, acc: string[] = []) => [...acc, v]),
  ).action(async (file: string, opts: ImportCliOptions, cmd: Command) => {
    await runImport(file, opts, cmd);
  });
};

const out = (m: string) => process.stdout.write(`${m}\n`);
const err = (m: string) => process.stderr.write(`${m}\n`);

async function runImport(file: string, o: ImportCliOptions, cmd: Command): Promise<void> {
  // Loaded here, not at the top: main.ts imports every command file to build --help, and these are heavy.
  const [{ readInputFile }, { basename }, { writeProgress }, { londonDate }, imp, { writeImportedPlan }, { knownPeople }, { PlanTreeInvalid, parseReassignments }, { CliError }, { toCliError }, { connect, siteAccess }] =
    await Promise.all([
      import("../read-input-file.ts"),
      import("node:path"),
      import("../progress.ts"),
      import("../../domain/london-time.ts"),
      import("../../import/index.ts"),
      import("../../import/write/write-import.ts"),
      import("../../import/write/known-people.ts"),
      import("../../data/plan-tree/index.ts"),
      import("../errors.ts"),
      import("../report-error.ts"),
      import("../site.ts"),
    ]);
  const { checkImportId, describeProblem, importIdFor, parseMapping, parsePlanFile } = imp;
  const mapping = o.map ? parseMapping(o.map) : { ok: true as const, mapping: {} };
  if (!mapping.ok) throw new CliError("usage", `--map: ${mapping.error}`);
  const reassign = parseReassignments(o.reassign ?? []);
  if (!reassign.ok) throw new CliError("usage", `--reassign: ${reassign.problems.join("; ")}`);
  if (o.importId) {
    const bad = checkImportId(o.importId);
    if (bad) throw new CliError("usage", `--import-id: ${bad}`);
  }
  // Settings are checked before the file is read so that a missing --site is a usage error even on a bad file.
  const access = o.dryRun ? null : siteAccess(cmd);

  const bytes = await readInputFile(file);

  try {
    const sp = access ? await connect(access) : null;
    const people: KnownPerson[] = sp ? await knownPeople(sp) : [];
    const result = await parsePlanFile(bytes, {
      fileName: basename(file),
      title: o.plan,
      period: o.period,
      mapping: mapping.mapping,
      people,
      skipInvalid: Boolean(o.skipInvalid),
      defaultRole: o.role,
      today: londonDate(new Date()),
    });
    for (const n of result.notes) err(`note: ${n}`);
    const skipped = result.actions.filter((a) => a.skipped);
    if (!result.tree) {
      err(`"${basename(file)}" cannot be imported: ${result.problems.length} problem(s). Nothing was written.`);
      for (const p of result.problems) err(`  - ${describeProblem(p)}`);
      if (skipped.length && !o.skipInvalid) err(`To import the other rows and leave these out, run again with --skip-invalid.`);
      throw new CliError("invalid-input", `${result.problems.length} problem(s) in "${basename(file)}"; nothing was written.`);
    }
    if (skipped.length) {
      err(`Leaving out ${skipped.length} action(s) with problems (--skip-invalid):`);
      for (const p of result.problems) err(`  - ${describeProblem(p)}`);
    }
    const period = result.period!;
    out(`Period ${period.value}: ${period.source === "given" ? "as given (--period)" : `inferred from ${period.where}`}.`);
    const actions = result.actions.length - skipped.length;
    const roles = result.tree.roles.length;
    const objectives = result.tree.roles.reduce((s, r) => s + (r.objectives?.length ?? 0), 0);
    const summary = `${roles} role(s), ${objectives} objective(s), ${actions} action(s) from ${result.format?.toUpperCase()} "${basename(file)}"`;
    if (o.dryRun || !sp) {
      out(`Dry run: ${summary} would be imported as "${o.plan}" (${period.value}). Nothing was written.`);
      for (const a of result.actions.filter((x) => !x.skipped)) out(`  ${a.reference.padEnd(8)} ${a.dueText.padEnd(22)} ${a.text.split("\n")[0].slice(0, 80)}`);
      return;
    }

    const importId = o.importId ?? (await importIdFor(bytes, o.plan));
    const bar = writeProgress();
    const w = await writeImportedPlan(sp, result.tree, { importId, reassign: reassign.value, onProgress: (s, done, total) => bar.update(s.padEnd(12), done, total) }).finally(() =>
      bar.stop(),
    );
    out(
      w.createdCount === 0
        ? `Plan "${o.plan}" (id ${w.planId}) was already imported (import id ${importId}); nothing new to write.`
        : `Imported ${summary} as "${o.plan}" (plan id ${w.planId}): ${w.createdCount} item(s) written${w.existing ? `, ${w.existing} already there from an earlier run` : ""}. Import id ${importId}.`,
    );
  } catch (e) {
    if (e instanceof PlanTreeInvalid) {
      err(e.message);
      throw new CliError("invalid-input", `the plan is not valid; nothing was written.`);
    }
    throw toCliError(e);
  }
}

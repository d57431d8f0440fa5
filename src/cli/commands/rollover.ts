/**
 * `eap rollover --from "PLAN A" --to "PLAN B" [--period 2027-2031] [--reassign old=new ...] [--dry-run]`: starts the
 * next plan period. Actions whose review said "remains ongoing" or "developed" are carried into the new plan with a
 * carried-from link; the old plan's other open actions are closed and the old plan is closed. Running it again
 * finishes an interrupted rollover (src/data/plan-tree/rollover.ts). --dry-run shows what would be carried and
 * closed, and writes nothing.
 *
 * Officers who have left (or no longer resolve) are all listed with their actions before anything is written;
 * `--reassign old=new` (repeatable) names who takes over from each.
 *
 * Exit codes: 0 done, 1 SharePoint refused or a plan is missing, 2 usage.
 */
import type { Command } from "commander";
import { addSiteOptions } from "../site.ts";

interface RolloverCliOptions {
  from: string;
  to: string;
  period?: string;
  dryRun?: boolean;
  reassign?: string[];
}

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("rollover")
      .description("Roll a plan over into the next period: carry ongoing and developed actions (linked both ways), close the rest and the old plan.")
      .requiredOption("--from <plan>", "the plan to roll over (title or period)")
      .requiredOption("--to <title>", "title of the new plan")
      .option("--period <years>", "period of the new plan, e.g. 2027-2031 (default: the four years after the old one)")
      .option("--reassign <old=new>", "who takes over from an officer who has left: their sign-in names (repeatable)", (v: string, acc: string[] = []) => [...acc, v])
      .option("--dry-run", "show what would be carried and closed, and who cannot be found; write nothing"),
  ).action(async (opts: RolloverCliOptions, cmd: Command) => {
    await runRollover(opts, cmd);
  });
};

const out = (m: string) => process.stdout.write(`${m}\n`);

async function runRollover(o: RolloverCliOptions, cmd: Command): Promise<void> {
  // Loaded here: main.ts imports every command file to build --help.
  const [{ parsePeriod }, { previewRollover, nextPeriod }, { checkRolloverPeople, draftRollover, parseReassignments, rolloverPlan }, { CliError }, { toCliError }, { connect, siteAccess }] = await Promise.all([
    import("../../domain/dates.ts"),
    import("../../import/rollover-preview.ts"),
    import("../../data/plan-tree/index.ts"),
    import("../errors.ts"),
    import("../report-error.ts"),
    import("../site.ts"),
  ]);
  let period: string | undefined;
  if (o.period) {
    try {
      const p = parsePeriod(o.period);
      period = `${p.startYear}-${p.endYear}`;
    } catch (e) {
      throw new CliError("usage", `--period: ${(e as Error).message}`);
    }
  }
  const reassign = parseReassignments(o.reassign ?? []);
  if (!reassign.ok) throw new CliError("usage", `--reassign: ${reassign.problems.join("; ")}`);
  if (!o.to.trim()) throw new CliError("usage", "--to: give the new plan a name");
  if (o.to.trim().length > 255) throw new CliError("usage", `--to: a plan's name may be at most 255 characters (it has ${o.to.trim().length})`);
  const access = siteAccess(cmd);
  try {
    const sp = await connect(access);
    const draft = await draftRollover(sp, { from: o.from, to: o.to.trim(), period });
    const { from, snap } = draft;
    if (from.title.toLowerCase() === o.to.trim().toLowerCase()) throw new CliError("usage", `--to: the new plan needs a name other than "${from.title}"`);
    const preview = previewRollover(snap.tree);
    const target = period ?? nextPeriod(from.period);
    out(`"${from.title}" (${from.period}) → "${o.to.trim()}" (${target}):`);
    out(`  carried into the new plan (${preview.carried.length}):`);
    for (const a of preview.carried) out(`    ${a.reference.padEnd(9)} ${a.disposition.padEnd(10)} ${a.text.split("\n")[0].slice(0, 80)}`);
    out(`  closed in the old plan (${preview.closed.length}):`);
    for (const a of preview.closed) out(`    ${a.reference.padEnd(9)} ${a.text.split("\n")[0].slice(0, 80)}`);
    if (preview.alreadyClosed) out(`  already closed: ${preview.alreadyClosed}`);
    for (const [old, by] of reassign.value) out(`  ${old} is replaced by ${by}`);
    // Everyone the new plan names must resolve before anything is written; all who do not are listed at once.
    await checkRolloverPeople(sp, draft, reassign.value);
    out("  everyone the new plan names can be found.");
    if (o.dryRun) {
      out("Dry run: nothing was written.");
      return;
    }
    const r = await rolloverPlan(sp, { from: from.title, to: o.to.trim(), period, reassign: reassign.value }, draft);
    out(`Rolled over: ${r.carried} action(s) carried into "${o.to.trim()}" (plan id ${r.toPlanId}), ${r.closed} closed; "${from.title}" is closed.`);
    if (r.keptDecisions.length) {
      out(`  decided while the rollover ran, kept as decided (${r.keptDecisions.length}); run the rollover again to carry those now ongoing or developed:`);
      for (const k of r.keptDecisions) out(`    ${(k.reference || String(k.id)).padEnd(9)} ${k.was} -> ${k.now || "deleted"}`);
    }
  } catch (e) {
    throw toCliError(e);
  }
}

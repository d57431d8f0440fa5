/**
 * `eap rollover --from "PLAN A" --to "PLAN B" [--period 2027-2031] [--dry-run]`: starts the next plan period.
 * Actions whose review said "remains ongoing" or "developed" are carried into the new plan with a carried-from link;
 * the old plan's other open actions are closed and the old plan is closed. Running it again finishes an interrupted
 * rollover (src/data/plan-tree/rollover.ts). --dry-run shows what would be carried and closed, and writes nothing.
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
}

export const register = (program: Command) => {
  addSiteOptions(
    program
      .command("rollover")
      .description("Roll a plan over into the next period: carry ongoing and developed actions (linked both ways), close the rest and the old plan.")
      .requiredOption("--from <plan>", "the plan to roll over (title or period)")
      .requiredOption("--to <title>", "title of the new plan")
      .option("--period <years>", "period of the new plan, e.g. 2027-2031 (default: the four years after the old one)")
      .option("--dry-run", "show what would be carried and closed; write nothing"),
  ).action(async (opts: RolloverCliOptions, cmd: Command) => {
    await runRollover(opts, cmd);
  });
};

const out = (m: string) => process.stdout.write(`${m}\n`);

async function runRollover(o: RolloverCliOptions, cmd: Command): Promise<void> {
  // Loaded here: main.ts imports every command file to build --help.
  const [{ parsePeriod }, { previewRollover, nextPeriod }, { readPlanTree, rolloverPlan }, data, { CliError }, { toCliError }, { connect, siteAccess }] = await Promise.all([
    import("../../domain/dates.ts"),
    import("../../import/rollover-preview.ts"),
    import("../../data/plan-tree/index.ts"),
    import("../../data/index.ts"),
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
  if (!o.to.trim()) throw new CliError("usage", "--to: give the new plan a name");
  if (o.to.trim().length > 255) throw new CliError("usage", `--to: a plan's name may be at most 255 characters (it has ${o.to.trim().length})`);
  const access = siteAccess(cmd);
  try {
    const sp = await connect(access);
    const from = await data.requirePlan(sp, o.from);
    if (from.title.toLowerCase() === o.to.trim().toLowerCase()) throw new CliError("usage", `--to: the new plan needs a name other than "${from.title}"`);
    const snap = await readPlanTree(sp, from, { updates: false });
    const preview = previewRollover(snap.tree);
    const target = period ?? nextPeriod(from.period);
    out(`"${from.title}" (${from.period}) → "${o.to.trim()}" (${target}):`);
    out(`  carried into the new plan (${preview.carried.length}):`);
    for (const a of preview.carried) out(`    ${a.reference.padEnd(9)} ${a.disposition.padEnd(10)} ${a.text.split("\n")[0].slice(0, 80)}`);
    out(`  closed in the old plan (${preview.closed.length}):`);
    for (const a of preview.closed) out(`    ${a.reference.padEnd(9)} ${a.text.split("\n")[0].slice(0, 80)}`);
    if (preview.alreadyClosed) out(`  already closed: ${preview.alreadyClosed}`);
    if (o.dryRun) {
      out("Dry run: nothing was written.");
      return;
    }
    const r = await rolloverPlan(sp, { from: from.title, to: o.to.trim(), period });
    out(`Rolled over: ${r.carried} action(s) carried into "${o.to.trim()}" (plan id ${r.toPlanId}), ${r.closed} closed; "${from.title}" is closed.`);
  } catch (e) {
    throw toCliError(e);
  }
}

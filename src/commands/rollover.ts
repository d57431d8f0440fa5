/**
 * The lead rolls a plan over into the next period, with the app's identity: the same rollover as `eap rollover`
 * (src/data/plan-tree/rollover.ts: carried actions linked both ways, the rest and the old plan closed, each over
 * the ETag read just before its write, so a review decision recorded meanwhile is kept, never overwritten).
 * Everyone the new plan names must resolve first; a successor for each who has left is chosen by the lead.
 */
import { z } from "zod";
import { findPlan } from "../data/plans/repository.ts";
import { checkRolloverPeople, draftRollover, type KeptDecision, rolloverPlan } from "../data/plan-tree/index.ts";
import { parsePeriod } from "../domain/dates.ts";
import { nextPeriod, previewRollover } from "../import/rollover-preview.ts";
import type { Caller, CommandContext } from "./context.ts";
import { CommandError, invalid } from "./errors.ts";
import { reassignmentsOf, reassignSchema, refusingPlan } from "./plan-lead.ts";
import { readAsLead } from "./lead.ts";
import { parseInput } from "./result.ts";

export const rolloverInput = z
  .object({
    /** The plan rolled over (the path names it). */
    planId: z.number().int().positive(),
    to: z.string().trim().min(1, "give the new plan a name").max(255, "a plan's name may be at most 255 characters"),
    /** "2027-2031"; default: the four years after the old plan's period. */
    period: z.string().trim().max(20).optional(),
    reassign: reassignSchema,
    /** Check who the new plan names; write nothing. */
    dryRun: z.boolean().default(false),
  })
  .strict();
export type RolloverInput = z.input<typeof rolloverInput>;

export interface RolloverCommandResult {
  outcome: "rolled-over" | "checked";
  message: string;
  fromPlanId: number;
  /** Actions carried into the new plan (or that would be) and closed in the old one. */
  carried: number;
  closed: number;
  period: string;
  toPlanId?: number;
  /** Decided while the rollover ran: kept as decided (run it again to carry those now ongoing or developed). */
  keptDecisions?: KeptDecision[];
}

function periodOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const p = parsePeriod(text);
    return `${p.startYear}-${p.endYear}`;
  } catch (e) {
    throw invalid("period", `Nothing was written: ${(e as Error).message}`);
  }
}

export async function rollover(ctx: CommandContext, caller: Caller, input: RolloverInput): Promise<RolloverCommandResult> {
  const i = parseInput(rolloverInput, input);
  await readAsLead(ctx, caller, "rollover");
  const reassign = reassignmentsOf(i.reassign);
  const period = periodOf(i.period);
  const from = await findPlan(ctx.sp, i.planId);
  if (!from) throw new CommandError("not-found", "This plan is no longer on the site. Nothing was written.");
  if (from.title.toLowerCase() === i.to.toLowerCase()) throw invalid("to", `Nothing was written: the new plan needs a name other than "${from.title}".`);
  const options = { from: from.title, to: i.to, period, reassign };
  const draft = await refusingPlan(() => draftRollover(ctx.sp, options));
  const target = period ?? nextPeriod(from.period);
  await refusingPlan(() => checkRolloverPeople(ctx.sp, draft, reassign));
  if (i.dryRun) {
    const p = previewRollover(draft.snap.tree);
    return {
      outcome: "checked",
      message: `${p.carried.length} action(s) would be carried into "${i.to}" and ${p.closed.length} closed; everyone the new plan names can be found.`,
      fromPlanId: from.id,
      carried: p.carried.length,
      closed: p.closed.length,
      period: target,
    };
  }
  const r = await refusingPlan(() => rolloverPlan(ctx.sp, options, draft));
  return {
    outcome: "rolled-over",
    message: `Rolled over: ${r.carried} action(s) carried into "${i.to}", ${r.closed} closed; "${from.title}" is closed.`,
    fromPlanId: from.id,
    carried: r.carried,
    closed: r.closed,
    period: target,
    toPlanId: r.toPlanId,
    keptDecisions: r.keptDecisions,
  };
}

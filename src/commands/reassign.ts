/**
 * Handing actions over, as the equalities lead's command: all of a person's open actions (or a chosen set of them)
 * to someone else. Both are site users the site knows (read in the same $batch as the group); the lead named in
 * each action's timeline entry is the authenticated caller. Each action is written with the ETag just read
 * (src/data/actions/reassign.ts); the new owner is nudged by the next reminder run. `eap reassign`, the operator's
 * command line, calls the data function directly.
 */
import type { ActionRecord } from "../data/actions/mapping.ts";
import { reassignActions } from "../data/actions/reassign.ts";
import { getSiteUsers } from "../data/people/repository.ts";
import type { Caller, CommandContext } from "./context.ts";
import { invalid } from "./errors.ts";
import { type ReassignInput, reassignInput } from "./inputs.ts";
import { readAsLead } from "./lead.ts";
import { refusingAs } from "./records.ts";
import { parseInput } from "./result.ts";

export interface ReassignCommandResult {
  outcome: "saved";
  message: string;
  moved: ActionRecord[];
  skipped: Array<{ id: number | string; reason: string }>;
}

export async function reassign(ctx: CommandContext, caller: Caller, input: ReassignInput): Promise<ReassignCommandResult> {
  const i = parseInput(reassignInput, input);
  const { lead, value: users } = await readAsLead(ctx, caller, "handover", (b) => getSiteUsers(b));
  const from = users.find((u) => u.id === i.fromId);
  // Only a person who can sign in takes actions over: a site user with a sign-in name, not a group or a system account.
  const to = users.find((u) => u.id === i.toId && u.upn);
  if (!from) throw invalid("fromId", "Nothing was saved: the person whose actions are handed over is not a user of the site.");
  if (!to) throw invalid("toId", "Nothing was saved: the person to hand the actions to is not a user of the site who can sign in.");
  const r = await refusingAs(() =>
    reassignActions(ctx.sp, { from, to, actions: i.actionIds, by: { id: lead.id, name: lead.name }, reason: i.reason, now: ctx.now() }),
  );
  const skipped = r.skipped.length ? ` Not handed over: ${r.skipped.map((x) => `${x.id} (${x.reason})`).join("; ")}.` : "";
  return { outcome: "saved", message: `Handed ${r.moved.length} action(s) to ${to.name}.${skipped}`, moved: r.moved, skipped: r.skipped };
}

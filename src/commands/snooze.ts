/** Snoozing an action's reminders (the policy's number of days): the action only, with the ETag just read. */
import { withPatch } from "../data/actions/mapping.ts";
import { updateAction } from "../data/actions/repository.ts";
import { londonDate } from "../domain/london-time.ts";
import { snoozeUntil } from "../domain/reminder-policy.ts";
import type { Caller, CommandContext } from "./context.ts";
import { type SnoozeInput, snoozeInput } from "./inputs.ts";
import { type ActionReadWith, allow, expectSeen, readAction, writeOrConflict } from "./read-action.ts";
import { type CommandResult, parseInput } from "./result.ts";

export async function snooze(ctx: CommandContext, caller: Caller, input: SnoozeInput, pre?: ActionReadWith): Promise<CommandResult> {
  const i = parseInput(snoozeInput, input);
  const read = pre ?? (await readAction(ctx, caller, i.actionId));
  allow(read, "snooze");
  expectSeen(i.seen, read.action);
  const until = snoozeUntil(ctx.now(), ctx.policy);
  const etag = await writeOrConflict(ctx.sp, read, i.seen, () => updateAction(ctx.sp, read.action.id, read.action.etag ?? "", { snoozedUntil: until }));
  return { outcome: "snoozed", message: `Reminders are snoozed until ${londonDate(until)}.`, action: withPatch(read.action, { snoozedUntil: until }, etag) };
}

/**
 * Progress: an update with the officer's status (with, if they ask, a new delivery date proposed to the lead), and
 * "mark complete". The author is the authenticated caller as the site knows them. The action is written once with
 * the ETag just read, then the update item (submitUpdate); a retry of a submission already saved finds it.
 */
import { submitUpdate } from "../data/updates/repository.ts";
import type { Caller, CommandContext } from "./context.ts";
import { type AddUpdateInput, addUpdateInput, type CompleteInput, completeInput } from "./inputs.ts";
import { type ActionReadWith, allow, expectOpen, expectSeen, readAction, writeOrConflict } from "./read-action.ts";
import { type CommandResult, parseInput } from "./result.ts";
import { expectLaterThanToday } from "./due-dates.ts";

/** `pre`: the read a caller already made for this very request (the bot's press), judged with the same rule. */
export async function addUpdate(ctx: CommandContext, caller: Caller, input: AddUpdateInput, pre?: ActionReadWith): Promise<CommandResult> {
  const i = parseInput(addUpdateInput, input);
  const read = pre ?? (await readAction(ctx, caller, i.actionId, { submissionKey: i.submissionKey }));
  const asking = Boolean(i.requestedDueDate);
  const author = allow(read, asking ? "propose-due-date" : "add-update");
  if (read.submitted) return { outcome: asking ? "proposed" : "saved", message: "Update saved.", action: read.action, update: read.submitted };
  expectOpen(read.action);
  expectSeen(i.seen, read.action);
  if (i.requestedDueDate) expectLaterThanToday(i.requestedDueDate, ctx.now(), "requestedDueDate");
  const r = await writeOrConflict(ctx.sp, read, i.seen, () =>
    submitUpdate(ctx.sp, {
      action: read.action,
      text: i.text,
      status: i.status,
      kind: asking ? "date-change-request" : "progress",
      requestedDueDate: i.requestedDueDate ?? null,
      author,
      submissionKey: i.submissionKey,
      now: ctx.now(),
    }),
  );
  return {
    outcome: asking ? "proposed" : "saved",
    message: asking ? "Update saved. Your proposed date was sent to the equalities lead." : "Update saved.",
    action: r.action,
    update: r.update,
  };
}

export const COMPLETE_TEXT = "Marked complete.";

export async function markComplete(ctx: CommandContext, caller: Caller, input: CompleteInput, pre?: ActionReadWith): Promise<CommandResult> {
  const i = parseInput(completeInput, input);
  const read = pre ?? (await readAction(ctx, caller, i.actionId, { submissionKey: i.submissionKey }));
  const author = allow(read, "complete");
  if (read.submitted) return { outcome: "saved", message: "Marked complete.", action: read.action, update: read.submitted };
  expectOpen(read.action);
  expectSeen(i.seen, read.action);
  const r = await writeOrConflict(ctx.sp, read, i.seen, () =>
    submitUpdate(ctx.sp, { action: read.action, text: i.text ?? COMPLETE_TEXT, status: "complete", author, submissionKey: i.submissionKey, now: ctx.now() }),
  );
  return { outcome: "saved", message: "Marked complete.", action: r.action, update: r.update };
}

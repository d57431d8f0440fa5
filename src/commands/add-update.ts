/**
 * Progress: an update with the officer's status (with, if they ask, a new delivery date proposed to the lead), and
 * "mark complete". The author is the authenticated caller as the site knows them. The action is written once with
 * the ETag just read, then the update item (submitUpdate); a retry of a submission already saved finds it.
 * Values of the action's indicators may come with the update: each is checked as recordValue checks it (who may,
 * one of this action's indicators, the domain's rules, not recorded by someone else since), ALL before anything is
 * written, so a refused value refuses the whole request. They are written after the update, each once per
 * submission (a retry finds its own).
 */
import { recordIndicatorValue } from "../data/indicator-values/repository.ts";
import type { IndicatorRecord } from "../data/indicators/mapping.ts";
import { submitUpdate } from "../data/updates/repository.ts";
import { checkValue } from "../domain/indicator-values.ts";
import { londonDate } from "../domain/london-time.ts";
import { CommandError } from "./errors.ts";
import { refusingAs } from "./records.ts";
import type { Caller, CommandContext } from "./context.ts";
import { type AddUpdateInput, addUpdateInput, type CompleteInput, completeInput } from "./inputs.ts";
import { type ActionReadWith, allow, expectOpen, expectSeen, readAction, writeOrConflict } from "./read-action.ts";
import { type CommandResult, parseInput } from "./result.ts";
import { expectLaterThanToday } from "./due-dates.ts";

/** `pre`: the read a caller already made for this very request (the bot's press), judged with the same rule. */
export async function addUpdate(ctx: CommandContext, caller: Caller, input: AddUpdateInput, pre?: ActionReadWith): Promise<CommandResult> {
  const i = parseInput(addUpdateInput, input);
  const withValues = (i.values?.length ?? 0) > 0;
  const read = pre ?? (await readAction(ctx, caller, i.actionId, { submissionKey: i.submissionKey, indicators: withValues }));
  const asking = Boolean(i.requestedDueDate);
  const author = allow(read, asking ? "propose-due-date" : "add-update");
  const values = withValues ? checkedValues(read, i, ctx.now()) : [];
  const recordValues = async () => {
    for (const v of values) {
      await refusingAs(
        () => recordIndicatorValue(ctx.sp, { ...v, recordedBy: author, now: ctx.now() }),
        "already-recorded",
      ).catch((err) => {
        // The update is saved: say so, and what became of the value.
        if (err instanceof CommandError) throw new CommandError(err.reason, `The update was saved. ${err.message}`, { field: err.field });
        throw err;
      });
    }
  };
  if (read.submitted) {
    await recordValues();
    return { outcome: asking ? "proposed" : "saved", message: "Update saved.", action: read.action, update: read.submitted };
  }
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
  await recordValues();
  const saved = values.length ? `Update saved with ${values.length === 1 ? "a value" : `${values.length} values`}.` : "Update saved.";
  return {
    outcome: asking ? "proposed" : "saved",
    message: asking ? `${saved} Your proposed date was sent to the equalities lead.` : saved,
    action: r.action,
    update: r.update,
  };
}

/**
 * The values sent with an update, checked before anything is written: the caller may record values, each names one
 * of this action's indicators (once), passes the domain's checks, and (for a first value) the period's value was not
 * recorded by someone else since the form was opened (the indicator's summary, read in the same $batch, says so).
 */
function checkedValues(read: ActionReadWith, i: AddUpdateInput, now: Date) {
  allow(read, "record-value");
  const today = londonDate(now);
  const seen = new Set<number>();
  return (i.values ?? []).map((v, n) => {
    const indicator = (read.indicators ?? []).find((x: IndicatorRecord) => x.id === v.indicatorId);
    const field = `values.${n}`;
    if (!indicator) throw new CommandError("invalid", `Nothing was saved: indicator ${v.indicatorId} is not one of this action's (${field}).`, { field: `${field}.indicatorId` });
    if (seen.has(indicator.id)) throw new CommandError("invalid", `Nothing was saved: "${indicator.name}" has more than one value in this update (${field}).`, { field: `${field}.indicatorId` });
    seen.add(indicator.id);
    const c = checkValue(indicator, v.input, { today, correcting: v.revisionSeen > 0 });
    if (!c.ok) {
      const p = c.problems[0];
      throw new CommandError("invalid", `Nothing was saved: the value of "${indicator.name}": ${p.field}: ${p.message}.`, { field: `${field}.input.${p.field}` });
    }
    if (v.revisionSeen === 0 && c.value.group === "" && indicator.summary?.latestPeriod === c.value.period.id)
      throw new CommandError(
        "already-recorded",
        `Nothing was saved: the value of "${indicator.name}" for ${c.value.period.label} was recorded since you opened the form (it is now ${String(indicator.summary.latestValue)}). Check it, then save your update again.`,
      );
    return { indicator, input: v.input, revisionSeen: v.revisionSeen, submissionKey: `${i.submissionKey.slice(0, 90)}-v${n + 1}` };
  });
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

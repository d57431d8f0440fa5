/**
 * What officers record beside an action: an indicator's value (or its correction, a new revision) and evidence of
 * progress. Each reads the group, the action (and the indicator) in the ONE $batch of readAction, applies the
 * domain's rule, and writes with the app's identity, the author being the authenticated caller as the site knows
 * them. The domain's checks and a value recorded by someone else since it was read come back as typed refusals.
 */
import { addEvidence as addEvidenceItem, removeEvidence as removeEvidenceItem } from "../data/evidence/repository.ts";
import { DataError } from "../data/errors.ts";
import { recordIndicatorValue, recordIndicatorValueKnown } from "../data/indicator-values/repository.ts";
import type { Caller, CommandContext } from "./context.ts";
import { CommandError } from "./errors.ts";
import { type AddEvidenceInput, addEvidenceInput, type RecordValueInput, recordValueInput, type RemoveEvidenceInput, removeEvidenceInput } from "./inputs.ts";
import { type ActionReadWith, allow, readAction } from "./read-action.ts";
import { type CommandResult, parseInput } from "./result.ts";

/**
 * The data layer's refusals as the command's: the domain's checks (400) and a value someone else wrote since it
 * was read (409: the record is not the action, so there is no `seen` to compare; the message says what it now is).
 */
export async function refusingAs<T>(write: () => Promise<T>, conflict: "conflict" | "already-recorded" = "conflict"): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof DataError && err.reason === "invalid") throw new CommandError("invalid", err.message, { field: err.field });
    if (err instanceof DataError && err.reason === "conflict") throw new CommandError(conflict, err.message);
    throw err;
  }
}

/** `pre`: the read a caller already made for this very request (the bot's press), with the indicator in it. */
export async function recordValue(ctx: CommandContext, caller: Caller, input: RecordValueInput, pre?: ActionReadWith): Promise<CommandResult> {
  const i = parseInput(recordValueInput, input);
  const read = pre ?? (await readAction(ctx, caller, i.actionId, { indicatorId: i.indicatorId }));
  const recordedBy = allow(read, "record-value");
  const indicator = read.indicator;
  if (!indicator || indicator.id !== i.indicatorId || indicator.actionId !== read.action.id) throw new CommandError("not-found", "This indicator is no longer one of the action's. Nothing was saved.");
  const record = { indicator, input: i.input, revisionSeen: i.revisionSeen, recordedBy, submissionKey: i.submissionKey, now: ctx.now() };
  // Values the caller's own $batch read (a card's press): two writes, no read back.
  const known = read.indicatorValues ? { indicator, values: read.indicatorValues } : null;
  const r = await refusingAs(() => (known ? recordIndicatorValueKnown(ctx.sp, record, known) : recordIndicatorValue(ctx.sp, record)), "already-recorded");
  return { outcome: "saved", message: i.revisionSeen > 0 ? "Correction saved." : "Value saved.", action: read.action, value: r.value, indicator: r.indicator };
}

export async function addEvidence(ctx: CommandContext, caller: Caller, input: AddEvidenceInput): Promise<CommandResult> {
  const i = parseInput(addEvidenceInput, input);
  const read = await readAction(ctx, caller, i.actionId);
  const addedBy = allow(read, "add-evidence");
  const evidence = await refusingAs(() =>
    addEvidenceItem(ctx.sp, { action: { id: read.action.id, planId: read.action.planId }, input: i.input, addedBy, submissionKey: i.submissionKey }),
  );
  return { outcome: "saved", message: "Evidence added.", action: read.action, evidence };
}

/**
 * Takes evidence off an action: the same people as may add it, the item read in the action's $batch (it must be
 * this action's), deleted with the ETag just read only when it is the one the person confirmed (their ETag).
 * Someone's change in between (or a 412 at the delete) removes nothing and says so.
 */
export async function removeEvidence(ctx: CommandContext, caller: Caller, input: RemoveEvidenceInput): Promise<CommandResult> {
  const i = parseInput(removeEvidenceInput, input);
  const read = await readAction(ctx, caller, i.actionId, { evidenceId: i.evidenceId });
  allow(read, "remove-evidence");
  const evidence = read.evidence;
  if (!evidence) throw new CommandError("not-found", "This evidence is no longer linked to the action. Nothing was changed.");
  const changed = () => new CommandError("conflict", `Nothing was removed: someone changed the evidence "${evidence.title}" since you opened it. Check it and remove it again if it should go.`);
  if (i.etag !== evidence.etag) throw changed();
  try {
    await removeEvidenceItem(ctx.sp, evidence);
  } catch (err) {
    if (err instanceof DataError && err.reason === "conflict") throw changed();
    throw err;
  }
  return { outcome: "removed", message: `Evidence removed: ${evidence.title}.`, action: read.action, evidence };
}

/**
 * Editing an action's fields: each role edits only its own fields (domain/permissions.ts). A new delivery date is
 * written when the lead gives it; from anyone else it becomes a proposal to the lead (with their reason), while the
 * other fields they changed are written. The action is written with the ETag just read; a change the person did not
 * see is reported, never overwritten.
 */
import type { ActionPatch } from "../data/actions/mapping.ts";
import { withPatch } from "../data/actions/mapping.ts";
import { updateAction } from "../data/actions/repository.ts";
import { type ActionField, mayEdit } from "../domain/permissions.ts";
import type { Caller, CommandContext } from "./context.ts";
import { dueOn, dueRoute, expectLaterThanToday, writeProposal } from "./due-dates.ts";
import { CommandError, invalid } from "./errors.ts";
import { type ActionChanges, type EditActionInput, editActionInput } from "./inputs.ts";
import { allow, expectSeen, readAction, writeOrConflict } from "./read-action.ts";
import { type CommandResult, parseInput } from "./result.ts";

const FIELD_OF: Record<keyof ActionChanges, ActionField> = {
  status: "status",
  teams: "teams",
  successMeasures: "successMeasures",
  characteristics: "characteristics",
  text: "text",
  ownerId: "owner",
  officerIds: "officers",
  dueDate: "due",
};

export async function editAction(ctx: CommandContext, caller: Caller, input: EditActionInput): Promise<CommandResult> {
  const i = parseInput(editActionInput, input);
  const read = await readAction(ctx, caller, i.actionId, { submissionKey: i.submissionKey });
  const author = allow(read, "edit-action");
  const { dueDate, ...rest } = i.changes;
  const fields = (Object.keys(i.changes) as (keyof ActionChanges)[]).filter((k) => i.changes[k] !== undefined).map((k) => FIELD_OF[k]);
  const may = mayEdit(fields, read.roles);
  if (!may.allowed) throw new CommandError(may.reason, `${may.message} Nothing was saved.`);
  expectSeen(i.seen, read.action);

  const patch: ActionPatch = { ...rest };
  let propose: string | null = null;
  if (dueDate !== undefined && dueDate !== read.action.due.date) {
    if (dueRoute(read) === "direct") patch.due = dueOn(read.action, dueDate);
    else {
      if (dueDate === null) throw new CommandError("not-lead", "Only the equalities lead can remove the delivery date. Nothing was saved.");
      expectLaterThanToday(dueDate, ctx.now(), "changes.dueDate");
      if (!i.reason) throw invalid("reason", "Nothing was saved: only the equalities lead can change the delivery date, so say why it needs to move and your proposal will be sent to them.");
      if (!i.submissionKey) throw invalid("submissionKey", "Nothing was saved: a proposed date needs the submission's key.");
      propose = dueDate;
    }
  }
  if (Object.keys(patch).length === 0 && !propose) return { outcome: "saved", message: "Nothing to save: no field was changed.", action: read.action };

  let action = read.action;
  if (Object.keys(patch).length) {
    const etag = await writeOrConflict(ctx.sp, read, i.seen, () => updateAction(ctx.sp, action.id, action.etag ?? "", patch));
    action = withPatch(action, patch, etag);
  }
  if (!propose || !i.reason || !i.submissionKey) return { outcome: "saved", message: "Changes saved.", action };
  // The proposal follows the fields' write, with the ETag that write returned.
  const proposed = await writeProposal(ctx, { ...read, action }, { date: propose, reason: i.reason, author, submissionKey: i.submissionKey });
  const saved = Object.keys(patch).length ? "Your other changes were saved. " : "";
  return { ...proposed, message: `${saved}${proposed.message}` };
}

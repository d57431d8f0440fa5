/**
 * Delivery dates: only the equalities lead changes one; anyone else responsible proposes one, and the lead accepts
 * or declines it. Every step is an update in the action's timeline (the request; the answer, which names the
 * request in its unique key so a request is answered once, whoever answers; the lead's own change), and every
 * write of the action carries the ETag just read.
 */
import type { ActionRecord } from "../data/actions/index.ts";
import { submitUpdate } from "../data/updates/repository.ts";
import { proposalDecisionKey, type UpdateRecord } from "../data/updates/mapping.ts";
import { formatDue, formatLongDate, isValidIsoDate } from "../domain/dates.ts";
import { londonDate } from "../domain/london-time.ts";
import { dueDateChange, mayDo } from "../domain/permissions.ts";
import type { Due, Person } from "../domain/types.ts";
import type { Caller, CommandContext } from "./context.ts";
import { CommandError, invalid } from "./errors.ts";
import { type DecideProposalInput, decideProposalInput, type ProposeDueDateInput, proposeDueDateInput } from "./inputs.ts";
import { type ActionRead, type ActionReadWith, allow, expectOpen, expectSeen, readAction, writeOrConflict } from "./read-action.ts";
import { type CommandResult, parseInput } from "./result.ts";
import type { Seen } from "./seen.ts";

export function expectLaterThanToday(date: string, now: Date, field: string): void {
  if (!isValidIsoDate(date)) throw invalid(field, "Nothing was saved: the date is not a real calendar date.");
  if (date <= londonDate(now)) throw invalid(field, "Nothing was saved: the proposed date must be after today.");
}

/** The action's due date moved to `date` (a day), keeping whether it is delivered or reviewed by then. */
export function dueOn(action: ActionRecord, date: string | null): Due {
  const due: Due = { date, precision: "day", kind: action.due.kind, text: "" };
  return { ...due, text: date ? formatDue(due) : "" };
}

const long = (date: string) => (isValidIsoDate(date) ? formatLongDate(date) : date);

/** The proposal itself: an update of kind "date-change-request" (the action's status unchanged). */
export async function writeProposal(
  ctx: CommandContext,
  read: ActionRead,
  p: { date: string; reason: string; author: Person; submissionKey: string; seen?: Seen; text?: string },
): Promise<CommandResult> {
  const r = await writeOrConflict(ctx.sp, read, p.seen, () =>
    submitUpdate(ctx.sp, {
      action: read.action,
      text: p.text ?? `Proposed new date ${p.date}: ${p.reason}`,
      status: read.action.status,
      kind: "date-change-request",
      requestedDueDate: p.date,
      author: p.author,
      submissionKey: p.submissionKey,
      now: ctx.now(),
    }),
  );
  return { outcome: "proposed", message: "Only the equalities lead can change the delivery date; your proposal has been sent to them.", action: r.action, update: r.update };
}

/**
 * Officers (and the EDI group) propose; the lead's own proposal is the change itself, recorded in the timeline.
 */
export async function proposeDueDate(ctx: CommandContext, caller: Caller, input: ProposeDueDateInput, pre?: ActionReadWith): Promise<CommandResult> {
  const i = parseInput(proposeDueDateInput, input);
  const read = pre ?? (await readAction(ctx, caller, i.actionId, { submissionKey: i.submissionKey }));
  const author = allow(read, "propose-due-date");
  const route = dueDateChange(read.roles);
  if (read.submitted) return { outcome: route === "direct" ? "date-changed" : "proposed", message: "Already saved.", action: read.action, update: read.submitted };
  expectOpen(read.action);
  expectSeen(i.seen, read.action);
  expectLaterThanToday(i.date, ctx.now(), "date");
  if (route !== "direct") return writeProposal(ctx, read, { date: i.date, reason: i.reason, author, submissionKey: i.submissionKey, seen: i.seen });
  const due = dueOn(read.action, i.date);
  const r = await writeOrConflict(ctx.sp, read, i.seen, () =>
    submitUpdate(ctx.sp, {
      action: read.action,
      text: `Changed the delivery date to ${long(i.date)}: ${i.reason}`,
      status: read.action.status,
      kind: "date-change-decision",
      requestedDueDate: i.date,
      actionPatch: { due },
      author,
      submissionKey: i.submissionKey,
      now: ctx.now(),
    }),
  );
  return { outcome: "date-changed", message: `The delivery date is now ${long(i.date)}.`, action: r.action, update: r.update };
}

/** The lead accepts (the action's date is written) or declines a proposal; either answer is in the timeline. */
export async function decideProposal(ctx: CommandContext, caller: Caller, input: DecideProposalInput): Promise<CommandResult> {
  const i = parseInput(decideProposalInput, input);
  const read = await readAction(ctx, caller, i.actionId, { proposalId: i.proposalId });
  const author = allow(read, "decide-proposal");
  const p = read.proposal;
  if (p?.kind !== "date-change-request" || p.actionId !== read.action.id || !p.requestedDueDate)
    throw new CommandError("not-found", "This is not a proposed date for this action. Nothing was saved.");
  if (read.answer) {
    // The same lead's same answer (a retry whose reply was lost): done, not a refusal.
    const same = read.answer.author?.id === author.id && Boolean(read.answer.requestedDueDate) === i.accept;
    if (same) return answered(i.accept, p.requestedDueDate, read.action, read.answer);
    const how = read.answer.requestedDueDate ? "accepted" : "declined";
    const by = read.answer.author?.name || read.answer.authorName || "the equalities lead";
    throw new CommandError("already-decided", `This proposed date was already ${how} by ${by} on ${long(read.answer.date.slice(0, 10))}. Nothing was saved.`);
  }
  const date = p.requestedDueDate;
  const who = p.author?.name || p.authorName || "the officer";
  if (i.accept) expectOpen(read.action);
  if (!i.accept && !i.reason) throw invalid("reason", "Nothing was saved: say why the proposed date is declined, so the officer knows.");
  const text = i.accept
    ? `Accepted the proposed delivery date ${long(date)} (asked for by ${who}).${i.reason ? ` ${i.reason}` : ""}`
    : `Declined the proposed delivery date ${long(date)} (asked for by ${who}): ${i.reason}`;
  const r = await writeOrConflict(ctx.sp, read, undefined, () =>
    submitUpdate(ctx.sp, {
      action: read.action,
      text,
      status: read.action.status,
      kind: "date-change-decision",
      // The answer carries the date only when accepted: that is how a timeline tells the two apart.
      requestedDueDate: i.accept ? date : null,
      actionPatch: i.accept ? { due: dueOn(read.action, date) } : undefined,
      importKey: proposalDecisionKey(p.id),
      author,
      submissionKey: "",
      now: ctx.now(),
    }),
  );
  return answered(i.accept, date, r.action, r.update);
}

function answered(accept: boolean, date: string, action: ActionRecord, update: UpdateRecord): CommandResult {
  return accept
    ? { outcome: "accepted", message: `Accepted: the delivery date is now ${long(date)}.`, action, update }
    : { outcome: "declined", message: "Declined: the delivery date is unchanged, and the officer can see why.", action, update };
}

/** Refuses a due-date change nobody in these roles may make or propose. */
export function dueRoute(read: Pick<ActionRead, "roles">): "direct" | "proposal" {
  const route = dueDateChange(read.roles);
  if (!route) {
    const d = mayDo("propose-due-date", read.roles);
    throw new CommandError(d.allowed ? "not-lead" : d.reason, `${d.allowed ? "Only the equalities lead can change the delivery date." : d.message} Nothing was saved.`);
  }
  return route;
}

/**
 * A review decision of the EDI group (or the lead): recorded as an update of kind "review-decision", whose effect on
 * the action (status or disposition, domain/review-decision.ts) is written with the ETag just read.
 */
import { submitUpdate } from "../data/updates/repository.ts";
import { formatLongDate } from "../domain/dates.ts";
import { decisionEffect } from "../domain/review-decision.ts";
import type { Caller, CommandContext } from "./context.ts";
import { type ReviewDecisionInput, reviewDecisionInput } from "./inputs.ts";
import { allow, expectSeen, readAction, writeOrConflict } from "./read-action.ts";
import { type CommandResult, parseInput } from "./result.ts";

const LABELS = { "on-track": "On track", "at-risk": "At risk", closed: "Closed", ongoing: "Remains ongoing", developed: "Developed in the new plan" } as const;

export async function recordReviewDecision(ctx: CommandContext, caller: Caller, input: ReviewDecisionInput): Promise<CommandResult> {
  const i = parseInput(reviewDecisionInput, input);
  const read = await readAction(ctx, caller, i.actionId, { submissionKey: i.submissionKey });
  const author = allow(read, "review-decision");
  if (read.submitted) return { outcome: "saved", message: "Decision recorded.", action: read.action, update: read.submitted };
  expectSeen(i.seen, read.action);
  const on = i.meetingDate ? ` on ${formatLongDate(i.meetingDate)}` : "";
  const text = i.text || `Review decision of the EDI group${on}: ${LABELS[i.decision]}.`;
  const r = await writeOrConflict(ctx.sp, read, i.seen, () =>
    submitUpdate(ctx.sp, {
      action: read.action,
      text,
      status: decisionEffect(i.decision).status ?? read.action.status,
      kind: "review-decision",
      decision: i.decision,
      meetingDate: i.meetingDate ?? null,
      author,
      submissionKey: i.submissionKey,
      now: ctx.now(),
    }),
  );
  return { outcome: "saved", message: "Decision recorded.", action: r.action, update: r.update };
}

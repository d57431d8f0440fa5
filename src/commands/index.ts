/**
 * The checked write commands: the ONLY way the product writes a person's change to the plan, used alike by the
 * server's API (for the tab) and the bot's card actions. Each reads what it needs in one $batch, applies the
 * domain's rule (who may do what to which action and field), writes with the ETag it just read and the app's own
 * identity, and refuses with a typed CommandError (a `reason` and words an officer understands), writing nothing.
 */
export { addUpdate, COMPLETE_TEXT, markComplete } from "./add-update.ts";
export type { Caller, CommandContext } from "./context.ts";
export { decideProposal, proposeDueDate } from "./due-dates.ts";
export { editAction } from "./edit-action.ts";
export { linkEqia, saveEqia, unlinkEqia } from "./eqias.ts";
export { CommandError, type CommandErrorReason, type FieldChange } from "./errors.ts";
export * from "./inputs.ts";
export { type ActionRead, type ActionReadWith, judge, readAction } from "./read-action.ts";
export { addEvidence, recordValue, removeEvidence } from "./records.ts";
export type { CommandOutcome, CommandResult, EqiaResult } from "./result.ts";
export { recordReviewDecision } from "./review-decision.ts";
export { type Seen, seenOf, seenSchema } from "./seen.ts";
export { snooze } from "./snooze.ts";
// The lead's whole-plan commands: import (the file parsed on the server) and rollover.
export { IMPORT_BODY_MAX_BYTES, type ImportPlanInput, type ImportPlanResult, importPlan, importPlanInput } from "./import-plan.ts";
export { type RolloverCommandResult, type RolloverInput, rollover, rolloverInput } from "./rollover.ts";
export { readAsLead } from "./lead.ts";
// The equalities lead's own commands (publication decisions, the covering report, handing actions over).
export { type CoverReportResult, saveCover } from "./cover-report.ts";
export { type ApproveAllResult, approveAllShown, approvePublication, type PublicationResult, withholdPublication } from "./publication.ts";
export { type ReassignCommandResult, reassign } from "./reassign.ts";

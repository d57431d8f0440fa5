/**
 * The domain's constants without zod: lists of allowed values, labels and SharePoint's text limits. Kept apart from
 * the schemas (types.ts) so that code that needs only these, such as the tab's first view, does not load zod.
 */
/** Single line of text in SharePoint holds at most 255 characters. */
export const SINGLE_LINE_MAX = 255;
/** Multiple lines of text in SharePoint holds at most 63,999 characters. */
export const MULTI_LINE_MAX = 63_999;
export const PLAN_STATUSES = ["draft", "active", "closed"] as const;
/**
 * Stored status of an action. "Overdue" is derived from the due date and never stored. "Not recorded" is the
 * status of history whose records give none (a plan brought in from committee papers that report progress in
 * words but no status): it is shown and counted as such, never read as "on track" or "complete".
 */
export const ACTION_STATUSES = ["not-started", "on-track", "at-risk", "complete", "not-recorded"] as const;
/**
 * The statuses a person can record with an update (tab, card). "Not recorded" is not among them: it describes
 * what the records lack, so choosing it would be a statement nobody can make about their own work.
 */
export const CHOOSABLE_ACTION_STATUSES = ["not-started", "on-track", "at-risk", "complete"] as const satisfies readonly (typeof ACTION_STATUSES)[number][];
export type ChoosableActionStatus = (typeof CHOOSABLE_ACTION_STATUSES)[number];
/** Disposition decided at review: the seeds' "This action is now closed" and friends. */
export const DISPOSITIONS = ["open", "closed", "ongoing", "developed"] as const;
/** Decisions the EDI group can record in a review meeting. */
export const REVIEW_DECISIONS = ["on-track", "at-risk", "closed", "ongoing", "developed"] as const;
/**
 * "date-change-request": someone responsible asks the equalities lead for a new delivery date; "date-change-decision":
 * the lead's answer to one (accepted or declined), or the lead's own change of the date, kept in the timeline.
 * "handover": the action was given a new owner (bulk reassignment by the equalities lead). Only "progress" is
 * ever published.
 */
export const UPDATE_KINDS = ["progress", "review-decision", "date-change-request", "date-change-decision", "handover"] as const;
/** Whether an update's date is the day it was reported, or only the last day of its period (see update-source.ts). */
export const UPDATE_DATE_PRECISIONS = ["exact", "period-end"] as const;
export type UpdateDatePrecision = (typeof UPDATE_DATE_PRECISIONS)[number];
/**
 * Whether a progress update may be published (reports, exports meant for publication, the public page): "draft" as
 * written and awaiting the equalities lead, "approved" with the text the lead approved (the original is kept), or
 * "withheld" (internal only, with a reason). See publication.ts.
 */
export const PUBLICATION_STATES = ["draft", "approved", "withheld"] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];
export const PUBLICATION_STATE_LABELS: Record<PublicationState, string> = {
  draft: "Awaiting approval",
  approved: "Approved for publication",
  withheld: "Withheld (internal only)",
};
export const DUE_KINDS = ["deliver-by", "review-by"] as const;
export const DUE_PRECISIONS = ["day", "month"] as const;
/** "uncertain": Teams may have delivered it (a 5xx or a timeout); never sent again automatically. */
export const LEDGER_STATES = ["pending", "sent", "failed", "skipped", "uncertain"] as const;

/**
 * Why the bot cannot reach someone in Teams. "policy-blocked" and "no-licence" come from installing the app
 * (Graph's 403s) and are reached by email instead; "disabled" and "deleted" from the directory, "bot-blocked" from
 * Teams (403 MessageWritesBlocked), "failing" from repeated failed sends; "not-installed" is a conversation Teams no
 * longer knows (404: the app was removed), installed again by the next run.
 */
export const REACH_PROBLEMS = ["policy-blocked", "no-licence", "disabled", "deleted", "bot-blocked", "failing", "not-installed"] as const;
/** Problems that mean the person can no longer act on their actions: the lead hands the actions over. */
export const HANDOVER_PROBLEMS = ["disabled", "deleted", "bot-blocked", "failing"] as const;
/** Failed sends in a row after which a person is "failing". */
export const FAILURES_BEFORE_HANDOVER = 3;

export const ACTION_STATUS_LABELS: Record<(typeof ACTION_STATUSES)[number], string> = {
  "not-started": "Not started",
  "on-track": "On track",
  "at-risk": "At risk",
  complete: "Complete",
  "not-recorded": "Not recorded",
};

export const DISPOSITION_SENTENCES: Record<Exclude<(typeof DISPOSITIONS)[number], "open">, string> = {
  closed: "This action is now closed",
  ongoing: "This action remains ongoing in the new plan",
  developed: "This action has now developed in the new plan",
};

export const PROTECTED_CHARACTERISTICS = [
  "age",
  "disability",
  "gender-reassignment",
  "marriage-and-civil-partnership",
  "pregnancy-and-maternity",
  "race",
  "religion-or-belief",
  "sex",
  "sexual-orientation",
] as const;

export const CHARACTERISTIC_LABELS: Record<string, string> = {
  age: "Age",
  disability: "Disability",
  "gender-reassignment": "Gender reassignment",
  "marriage-and-civil-partnership": "Marriage and civil partnership",
  "pregnancy-and-maternity": "Pregnancy and maternity",
  race: "Race",
  "religion-or-belief": "Religion or belief",
  sex: "Sex",
  "sexual-orientation": "Sexual orientation",
  poverty: "Poverty",
  "armed-forces": "Armed forces",
};

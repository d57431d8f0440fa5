/**
 * The allowed values of indicators, evidence and Equality Impact Assessments (EqIAs), without zod: the lists'
 * column definitions (src/data/<entity>/fields.ts) and any view that only labels things load this and nothing more.
 */

/**
 * What an indicator's values are. Every unit but "text" wants a number (trend and target need one): a count is a
 * whole number, a percentage a share between 0 and 100 (a change in points is a "number"), pounds have at most two
 * decimals. "text" holds a value in words ("Silver award") for measures that are not numbers.
 */
export const INDICATOR_UNITS = ["count", "number", "percent", "gbp", "days", "text"] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const INDICATOR_UNIT_LABELS: Record<IndicatorUnit, string> = {
  count: "Count",
  number: "Number",
  percent: "Per cent",
  gbp: "Pounds (£)",
  days: "Days",
  text: "Words (not a number)",
};

/** Whether higher or lower values are better: "sickness days" improve downwards, "response rate" upwards. */
export const INDICATOR_DIRECTIONS = ["higher-is-better", "lower-is-better"] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  "higher-is-better": "Higher is better",
  "lower-is-better": "Lower is better",
};

/**
 * How often a value is recorded. Periods follow the UK public sector's calendar: calendar months, financial
 * quarters (Q1 = April to June) and financial years (1 April to 31 March), as councils report.
 */
export const INDICATOR_FREQUENCIES = ["monthly", "quarterly", "annual"] as const;
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];

export const INDICATOR_FREQUENCY_LABELS: Record<IndicatorFrequency, string> = {
  monthly: "Monthly",
  quarterly: "Quarterly",
  annual: "Annual",
};

/** How an indicator stands against its target (see indicator-progress.ts for the rules). */
export const TARGET_STATUSES = ["met", "on-track", "off-track", "missed", "no-data", "no-target"] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  met: "Target met",
  "on-track": "On track",
  "off-track": "Off track",
  missed: "Target missed",
  "no-data": "No value yet",
  "no-target": "No target",
};

/** Kinds of evidence an action links to, as the seeds name them ("Equalities data audit record, reported to Committee"). */
export const EVIDENCE_TYPES = ["eqia", "committee-report", "data", "consultation", "other"] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

export const EVIDENCE_TYPE_LABELS: Record<EvidenceType, string> = {
  eqia: "Equality Impact Assessment",
  "committee-report": "Committee report",
  data: "Data",
  consultation: "Consultation",
  other: "Other",
};

/**
 * The four outcomes of an Equality Impact Assessment as the EHRC's guidance and councils' templates name them:
 * no major change needed; adjust the policy; continue despite an adverse impact (justified); stop and remove it.
 */
export const EQIA_OUTCOMES = ["no-major-change", "adjust", "continue", "stop"] as const;
export type EqiaOutcome = (typeof EQIA_OUTCOMES)[number];

export const EQIA_OUTCOME_LABELS: Record<EqiaOutcome, string> = {
  "no-major-change": "No major change needed",
  adjust: "Adjust the policy",
  continue: "Continue the policy (adverse impact justified)",
  stop: "Stop and remove the policy",
};

/** How an EqIA and an action are linked: the assessment gave rise to the action, or informs it. */
export const EQIA_RELATIONS = ["gave-rise-to", "informs"] as const;
export type EqiaRelation = (typeof EQIA_RELATIONS)[number];

export const EQIA_RELATION_LABELS: Record<EqiaRelation, string> = {
  "gave-rise-to": "gave rise to",
  informs: "informs",
};

/** Breakdown groups of one indicator ("18-24", "75 and over", "BME"): a table row each, so a handful. */
export const MAX_BREAKDOWN_GROUPS = 20;
export const MAX_GROUP_CHARS = 100;
/** Links are multi-line text columns (SharePoint's own hyperlink column stops at 255 characters). */
export const MAX_LINK_CHARS = 2048;

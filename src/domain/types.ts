/**
 * The domain model of an Equality Objectives and Action Plan, as the seeds describe it.
 * Zod schemas for everything that crosses a boundary (SharePoint items, card submissions, imports, CLI input);
 * the TypeScript types are inferred from them so the two never drift.
 */
import { z } from "zod";
import { CONTINUITY_KINDS } from "./continuity.ts";
import {
  ACTION_STATUSES,
  CHOOSABLE_ACTION_STATUSES,
  DISPOSITIONS,
  DUE_KINDS,
  DUE_PRECISIONS,
  LEDGER_STATES,
  MULTI_LINE_MAX,
  PLAN_STATUSES,
  PUBLICATION_STATES,
  REACH_PROBLEMS,
  REVIEW_DECISIONS,
  SINGLE_LINE_MAX,
  UPDATE_KINDS,
  UPDATE_DATE_PRECISIONS,
} from "./constants.ts";

export * from "./constants.ts";

export const planStatusSchema = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const actionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof actionStatusSchema>;

/** A status a person can record (everything but "not recorded", which only history carries). */
export const choosableActionStatusSchema = z.enum(CHOOSABLE_ACTION_STATUSES, {
  error: "choose a status from the list (not started, on track, at risk or complete)",
});

export const dispositionSchema = z.enum(DISPOSITIONS);
export type Disposition = z.infer<typeof dispositionSchema>;

export const reviewDecisionSchema = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const updateKindSchema = z.enum(UPDATE_KINDS);
export type UpdateKind = z.infer<typeof updateKindSchema>;

export const dueKindSchema = z.enum(DUE_KINDS);
export type DueKind = z.infer<typeof dueKindSchema>;

export const duePrecisionSchema = z.enum(DUE_PRECISIONS);
export type DuePrecision = z.infer<typeof duePrecisionSchema>;

/** ISO calendar date, YYYY-MM-DD (no time, no zone: due dates are civil dates in the UK). */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

/**
 * When an action is due. `date` is the civil date it falls due; for month precision it is the month's last day
 * ("March 2019" -> 2019-03-31). `text` keeps the phrase as written ("Review by March 2018", "Ongoing").
 */
export const dueSchema = z.object({
  date: isoDateSchema.nullable(),
  precision: duePrecisionSchema,
  kind: dueKindSchema,
  text: z.string().max(SINGLE_LINE_MAX),
});
export type Due = z.infer<typeof dueSchema>;

/** The nine protected characteristics of the Equality Act 2010. Plans may add local ones (poverty, armed forces). */

/** A characteristic key: lower-case words joined by hyphens ("armed-forces"). */
export const characteristicKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,49}$/, "expected a lower-case key such as 'armed-forces'");

export const personSchema = z.object({
  /** SharePoint site user id (what person columns store). */
  id: z.number().int().positive(),
  name: z.string(),
  /** For display and for matching imported text only: it may differ from the UPN, or be "" (no mailbox). */
  email: z.string(),
  /** The user principal name from the person's claims login, lower-case: how people are matched. */
  upn: z.string().optional(),
});
export type Person = z.infer<typeof personSchema>;

const text = (max = SINGLE_LINE_MAX) => z.string().trim().min(1).max(max);
const note = () => z.string().max(MULTI_LINE_MAX);

export const planSchema = z.object({
  id: z.number().int().positive(),
  title: text(),
  /** "2017-2021", "2023-2027". */
  period: z.string().regex(/^\d{4}-\d{4}$/, "expected a period such as 2023-2027"),
  status: planStatusSchema,
  predecessorId: z.number().int().positive().nullable(),
  /** Local characteristics this plan tags in addition to the nine (e.g. poverty, armed-forces). */
  localCharacteristics: z.array(characteristicKeySchema),
  /** A demonstration plan (fictional delivery), shown as such; absent means false. */
  demonstration: z.boolean().optional(),
  etag: z.string().optional(),
});
export type Plan = z.infer<typeof planSchema>;

export const roleSchema = z.object({
  id: z.number().int().positive(),
  planId: z.number().int().positive(),
  /** "Community Leader" */
  name: text(),
  /** "We will engage with residents in an open and meaningful way." */
  statement: note(),
  order: z.number().int(),
});
export type Role = z.infer<typeof roleSchema>;

export const objectiveSchema = z.object({
  id: z.number().int().positive(),
  planId: z.number().int().positive(),
  roleId: z.number().int().positive(),
  statement: note().min(1),
  whyItMatters: z.array(z.string()),
  outcomes: z.array(z.string()),
  connections: z.array(z.string()),
  priorities: z.array(z.string()),
  crossCutting: z.array(z.string()),
  order: z.number().int(),
  /** Where the objective is set out when a plan holds several framings of itself ("2020 revision"); "" if not. */
  source: z.string().max(SINGLE_LINE_MAX).optional(),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const commitmentSchema = z.object({
  id: z.number().int().positive(),
  planId: z.number().int().positive(),
  objectiveId: z.number().int().positive(),
  /** "We will ..." */
  statement: note().min(1),
  order: z.number().int(),
  /** The action of the same plan (by reference) that this commitment restates, carried or developed. */
  continues: z.object({ reference: z.string(), kind: z.enum(CONTINUITY_KINDS) }).nullable().optional(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const actionSchema = z.object({
  id: z.number().int().positive(),
  planId: z.number().int().positive(),
  objectiveId: z.number().int().positive(),
  commitmentId: z.number().int().positive().nullable(),
  /** Short reference shown to people ("CL-3"). */
  reference: z.string().max(SINGLE_LINE_MAX),
  text: note().min(1),
  /**
   * The accountable officer: single-valued so that "my actions" is one indexed query at any list size
   * (multi-value person columns cannot be indexed). See docs/data-design.md.
   */
  ownerId: z.number().int().positive().nullable(),
  /** Everyone named as responsible (includes the owner). */
  officerIds: z.array(z.number().int().positive()),
  /** Responsible teams as written in the plan ("Policy and Information team - Data Intelligence Officer"). */
  teams: z.string().max(MULTI_LINE_MAX),
  successMeasures: z.array(z.string()),
  due: dueSchema,
  status: actionStatusSchema,
  disposition: dispositionSchema,
  characteristics: z.array(characteristicKeySchema),
  carriedFromId: z.number().int().positive().nullable(),
  order: z.number().int(),
  /** Denormalised from the newest update so that lists show it without a second query. */
  lastUpdateAt: z.string().nullable(),
  lastUpdateSummary: z.string().max(SINGLE_LINE_MAX).nullable(),
  /** Reminders are not sent before this instant (per-action snooze). */
  snoozedUntil: z.string().nullable(),
  modifiedAt: z.string().optional(),
  etag: z.string().optional(),
});
export type Action = z.infer<typeof actionSchema>;

/**
 * An update's publication state (publication.ts): who reviewed it and when are written by the server from the
 * validated caller, never by the client. `approvedText` is what is published; the update's own text stays as written.
 */
export const updatePublicationSchema = z.object({
  state: z.enum(PUBLICATION_STATES),
  approvedText: z.string().max(MULTI_LINE_MAX).nullable(),
  withheldReason: z.string().max(SINGLE_LINE_MAX).nullable(),
  /** ISO instant of the lead's decision; null for updates published before the product (committee papers). */
  reviewedAt: z.string().nullable(),
  /** Site user id of the lead who decided; null as above. */
  reviewedById: z.number().int().positive().nullable(),
});
export type UpdatePublication = z.infer<typeof updatePublicationSchema>;

export const actionUpdateSchema = z.object({
  id: z.number().int().positive(),
  actionId: z.number().int().positive(),
  planId: z.number().int().positive(),
  /** ISO instant the update refers to. */
  date: z.string(),
  authorId: z.number().int().positive().nullable(),
  /** Author as written when no site user exists (historic updates: "Equalities and Communities Officer"). */
  authorName: z.string().max(SINGLE_LINE_MAX),
  text: note(),
  statusAtTime: actionStatusSchema.nullable(),
  kind: updateKindSchema,
  /** UK financial year label, "2022-23". */
  period: z.string().regex(/^\d{4}-\d{2}$/, "expected a financial year such as 2022-23"),
  decision: reviewDecisionSchema.nullable(),
  meetingDate: isoDateSchema.nullable(),
  requestedDueDate: isoDateSchema.nullable(),
  /** The body that reported it, as the document names it; "" (or absent) for updates written in the product. */
  source: z.string().max(SINGLE_LINE_MAX).optional(),
  /** "period-end" when the source gives no day and the date is the period's last day; absent means exact. */
  datePrecision: z.enum(UPDATE_DATE_PRECISIONS).optional(),
  /** Absent means a draft awaiting approval (publication.ts). */
  publication: updatePublicationSchema.optional(),
});
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

/** What a person submits as a progress update (tab form, bot card). */
export const newUpdateInputSchema = z.object({
  text: z.string().trim().min(1, "Write what has happened").max(MULTI_LINE_MAX, `Keep the update under ${MULTI_LINE_MAX} characters`),
  status: choosableActionStatusSchema,
  requestedDueDate: isoDateSchema.nullable().optional(),
});
export type NewUpdateInput = z.infer<typeof newUpdateInputSchema>;

/** A Teams conversation reference for proactive messages, one per user. */
export const conversationRefSchema = z.object({
  id: z.number().int().positive().optional(),
  userId: z.string().min(1), // Entra object id
  upn: z.string(),
  name: z.string(),
  conversationId: z.string().min(1),
  serviceUrl: z.string().url(),
  tenantId: z.string(),
  unreachable: z.boolean(),
  unreachableReason: z.string().nullable(),
  /** Why they cannot be reached in Teams (REACH_PROBLEMS); null or absent when they can. */
  problem: z.enum(REACH_PROBLEMS).nullable().optional(),
  /** Failed sends in a row. */
  failures: z.number().int().nonnegative().optional(),
  /** Their mailbox as the directory gave it (null: none), for the email fallback. */
  mail: z.string().nullable().optional(),
  /** When installation or the directory was last asked about them (ISO instant). */
  checkedAt: z.string().nullable().optional(),
  etag: z.string().optional(),
});
export type ConversationRef = z.infer<typeof conversationRefSchema>;

export const ledgerStateSchema = z.enum(LEDGER_STATES);
export type LedgerState = z.infer<typeof ledgerStateSchema>;

/** One nudge: exactly once per (action, lead time, officer); the key is a unique column in SharePoint. */
export const ledgerEntrySchema = z.object({
  id: z.number().int().positive().optional(),
  key: z.string().min(1).max(SINGLE_LINE_MAX),
  actionId: z.number().int().positive(),
  officerId: z.number().int().positive(),
  /** "28d", "14d", "7d", "1d", "0d", "overdue-1w", ... */
  leadTime: z.string(),
  runAt: z.string(),
  state: ledgerStateSchema,
  sentAt: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  etag: z.string().optional(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/**
 * What each command accepts, as zod schemas: the API parses request bodies with them, the bot builds them from a
 * card's inputs. Authorship is never among them: the author is the authenticated caller. Unknown keys are
 * refused (a body naming an author, an ETag or anything else is a mistake to report, not to ignore quietly).
 */
import { z } from "zod";
import { characteristicKeySchema, choosableActionStatusSchema, isoDateSchema, MULTI_LINE_MAX, reviewDecisionSchema } from "../domain/types.ts";
import { seenSchema } from "./seen.ts";

/** Generated once per submission by the client (a draft, a card's invoke), reused on retry: never a duplicate. */
const submissionKey = z
  .string()
  .regex(/^[A-Za-z0-9:_-]{1,100}$/, "expected the submission's key (letters, digits, ':', '_' or '-', at most 100)");
const id = z.number().int().positive();
const text = (max: number) => z.string().max(max);
export const REASON_MAX = 1_000;
const reason = z.string().trim().min(1, "say why the date needs to move").max(REASON_MAX, `keep the reason under ${REASON_MAX.toLocaleString("en-GB")} characters`);
const updateText = z.string().trim().min(1, "write what has happened").max(MULTI_LINE_MAX, `keep the update under ${MULTI_LINE_MAX.toLocaleString("en-GB")} characters`);

/** An indicator's value as typed: the period and group as people write them, a figure or words, a note. */
const valueInput = z.object({ period: text(100), group: text(255).optional(), value: z.union([text(255), z.number()]), note: text(MULTI_LINE_MAX).optional() }).strict();

/** At most one value per indicator with an update; an action has a handful of indicators. */
export const MAX_VALUES_WITH_UPDATE = 20;

export const addUpdateInput = z
  .object({
    actionId: id,
    text: updateText,
    status: choosableActionStatusSchema,
    /** Asking for a new delivery date with the update: recorded as a proposal to the equalities lead. */
    requestedDueDate: isoDateSchema.nullable().optional(),
    /** Indicators' values recorded with the update (checked as recordValue checks them, all before anything is written). */
    values: z
      .array(z.object({ indicatorId: id, input: valueInput, revisionSeen: z.number().int().min(0) }).strict())
      .max(MAX_VALUES_WITH_UPDATE)
      .optional(),
    submissionKey,
    seen: seenSchema,
  })
  .strict();
export type AddUpdateInput = z.infer<typeof addUpdateInput>;

export const completeInput = z
  .object({ actionId: id, text: updateText.optional(), submissionKey, seen: seenSchema })
  .strict();
export type CompleteInput = z.infer<typeof completeInput>;

export const proposeDueDateInput = z.object({ actionId: id, date: isoDateSchema, reason, submissionKey, seen: seenSchema }).strict();
export type ProposeDueDateInput = z.infer<typeof proposeDueDateInput>;

export const decideProposalInput = z
  .object({
    actionId: id,
    proposalId: id,
    accept: z.boolean(),
    /** Why it was declined (optional when accepting). */
    reason: z.string().trim().max(REASON_MAX).optional(),
  })
  .strict();
export type DecideProposalInput = z.infer<typeof decideProposalInput>;

export const actionChangesSchema = z
  .object({
    status: choosableActionStatusSchema.optional(),
    teams: z.string().max(MULTI_LINE_MAX).optional(),
    successMeasures: z.array(z.string().trim().min(1).max(MULTI_LINE_MAX)).max(100).optional(),
    characteristics: z.array(characteristicKeySchema).max(30).optional(),
    text: z.string().trim().min(1).max(MULTI_LINE_MAX).optional(),
    ownerId: id.nullable().optional(),
    officerIds: z.array(id).max(50).optional(),
    /** A new delivery date (null: none): written by the lead, proposed by anyone else responsible. */
    dueDate: isoDateSchema.nullable().optional(),
  })
  .strict();
export type ActionChanges = z.infer<typeof actionChangesSchema>;

export const editActionInput = z
  .object({
    actionId: id,
    changes: actionChangesSchema,
    seen: seenSchema,
    /** Why the date needs to move, when the change becomes a proposal. */
    reason: reason.optional(),
    submissionKey: submissionKey.optional(),
  })
  .strict();
export type EditActionInput = z.infer<typeof editActionInput>;

export const reviewDecisionInput = z
  .object({
    actionId: id,
    decision: reviewDecisionSchema,
    text: z.string().trim().max(MULTI_LINE_MAX).default(""),
    meetingDate: isoDateSchema.nullable().optional(),
    submissionKey,
    seen: seenSchema,
  })
  .strict();
export type ReviewDecisionInput = z.infer<typeof reviewDecisionInput>;

export const snoozeInput = z.object({ actionId: id, seen: seenSchema.optional() }).strict();
export type SnoozeInput = z.infer<typeof snoozeInput>;

// Records kept beside the plan's actions: the person's input as the domain checks it (src/domain), never its author.

export const recordValueInput = z
  .object({
    actionId: id,
    indicatorId: id,
    input: valueInput,
    /** The revision of this (period, group) the person saw: 0 for none, n to correct revision n. */
    revisionSeen: z.number().int().min(0),
    submissionKey,
  })
  .strict();
export type RecordValueInput = z.infer<typeof recordValueInput>;

export const addEvidenceInput = z
  .object({
    actionId: id,
    input: z.object({ title: text(255), link: text(2_000), type: text(100), date: text(10) }).strict(),
    submissionKey,
  })
  .strict();
export type AddEvidenceInput = z.infer<typeof addEvidenceInput>;

/** Removing evidence: the ETag it was read with, so that what the person confirmed is what goes. */
export const removeEvidenceInput = z.object({ actionId: id, evidenceId: id, etag: z.string().min(1).max(100) }).strict();
export type RemoveEvidenceInput = z.infer<typeof removeEvidenceInput>;

const eqiaFields = z
  .object({
    title: text(255),
    assessedOn: text(10),
    characteristics: z.array(text(100)).max(30),
    outcome: text(100),
    summary: text(MULTI_LINE_MAX).optional(),
    publishedLink: text(2_000).optional(),
    reviewDate: text(10).nullable().optional(),
    ownerId: id.nullable().optional(),
  })
  .strict();

export const saveEqiaInput = z
  .object({
    /** The assessment changed (absent: a new one). */
    eqiaId: id.optional(),
    /** The ETag of the assessment as the person saw it: someone else's change since is a conflict. */
    etag: z.string().max(200).optional(),
    input: eqiaFields,
    /** The current plan's local characteristics, allowed besides the nine. */
    localCharacteristics: z.array(text(100)).max(30).default([]),
    submissionKey,
  })
  .strict();
export type SaveEqiaInput = z.input<typeof saveEqiaInput>;

export const linkEqiaInput = z.object({ eqiaId: id, planId: id, reference: text(255), relation: text(100) }).strict();
export type LinkEqiaInput = z.infer<typeof linkEqiaInput>;

export const unlinkEqiaInput = z.object({ eqiaId: id, linkId: id }).strict();
export type UnlinkEqiaInput = z.infer<typeof unlinkEqiaInput>;

// The equalities lead's own commands: publication decisions, the covering report, handing actions over. The lead
// recorded is the authenticated caller, so no reviewer, author or "by" is accepted here.
const etag = z.string().min(1, "expected the ETag the item was read with").max(200);
const financialYear = z.string().regex(/^\d{4}-\d{2}$/, "expected a financial year such as 2024-25");

/** The update as the lead saw it: compared with it now, so a refusal says what changed. */
export const publicationSeenSchema = z
  .object({ publication: z.enum(["draft", "approved", "withheld"]).optional(), approvedText: z.string().max(MULTI_LINE_MAX).nullable().optional(), text: z.string().max(MULTI_LINE_MAX).optional() })
  .strict();
export type PublicationSeen = z.infer<typeof publicationSeenSchema>;

export const approveUpdateInput = z
  .object({
    updateId: id,
    etag,
    /** The lead's edit of the text to publish; absent approves it as written. */
    text: z.string().max(MULTI_LINE_MAX).optional(),
    seen: publicationSeenSchema.optional(),
  })
  .strict();
export type ApproveUpdateInput = z.infer<typeof approveUpdateInput>;

export const withholdUpdateInput = z.object({ updateId: id, etag, reason: z.string().max(REASON_MAX), seen: publicationSeenSchema.optional() }).strict();
export type WithholdUpdateInput = z.infer<typeof withholdUpdateInput>;

export const approveAllInput = z
  .object({
    planId: id,
    period: financialYear,
    /** The updates the lead was shown, each with its ETag: only these, and only as they were, are approved. */
    shown: z.array(z.object({ id, etag }).strict()).max(5_000),
  })
  .strict();
export type ApproveAllInput = z.infer<typeof approveAllInput>;

export const saveCoverReportInput = z
  .object({
    planId: id,
    /** The report's words (checked in full by the domain's schema, every problem listed). */
    cover: z.record(z.string(), z.unknown()),
    /** The ETag of the report as the lead opened it; null when there was none (a first save). */
    etag: etag.nullable(),
  })
  .strict();
export type SaveCoverReportInput = z.infer<typeof saveCoverReportInput>;

export const reassignInput = z
  .object({
    /** Site user ids: whose actions, and who takes them. */
    fromId: id,
    toId: id,
    /** A chosen set of the person's open actions; all of them when absent. */
    actionIds: z.array(id).min(1).max(500).optional(),
    reason: z.string().trim().max(REASON_MAX).optional(),
  })
  .strict();
export type ReassignInput = z.infer<typeof reassignInput>;

/**
 * Progress updates and review decisions. Writing one is two steps, ordered so that nothing is ever lost:
 * 1. the action's status and "last update" fields, with its ETag (a 412 stops here and writes nothing);
 * 2. the update item, carrying a key generated once per submission, so a retry after a failure never duplicates.
 */
import { financialYearOf } from "../../domain/dates.ts";
import { decisionEffect } from "../../domain/review-decision.ts";
import type { ActionStatus, Person, ReviewDecision, UpdateKind } from "../../domain/types.ts";
import { type ActionPatch, type ActionRecord, withPatch } from "../actions/mapping.ts";
import { updateAction } from "../actions/repository.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { and, eq } from "../odata.ts";
import { type Item, list, queryOnce, queryWindowed } from "../queries.ts";
import { siteDates, withSiteDates } from "../site-time-zone.ts";
import { shortTitle } from "../values.ts";
import { submissionKey, UPDATE_EXPAND, UPDATE_SELECT, type UpdateRecord, updateFrom } from "./mapping.ts";

const newestFirst = (a: UpdateRecord, b: UpdateRecord) => b.date.localeCompare(a.date) || b.id - a.id;

/** Reads updates with the site's dates (both requests start together, so a $batch carries both), newest first. */
async function readUpdates(sp: SPFI, read: (sp: SPFI) => Promise<Item[]>): Promise<UpdateRecord[]> {
  return withSiteDates(sp, read(sp), (items, dates) => items.map((i) => updateFrom(i, dates)).sort(newestFirst));
}

export async function getUpdatesForAction(sp: SPFI, actionId: number): Promise<UpdateRecord[]> {
  return callSharePoint("Reading the action's updates", () => readUpdates(sp, (s) => queryOnce(s, "updates", { filter: eq("ActionId", actionId), select: UPDATE_SELECT, expand: UPDATE_EXPAND })));
}

/** Updates of one plan (optionally one financial year), by ID windows: safe at any list size. */
export async function getPlanUpdates(sp: SPFI, planId: number, period?: string): Promise<UpdateRecord[]> {
  const filter = and(eq("PlanId", planId), period && eq("Period", period));
  return callSharePoint("Reading the plan's updates", () => readUpdates(sp, (s) => queryWindowed(s, "updates", { filter, select: UPDATE_SELECT, expand: UPDATE_EXPAND })));
}

/** Review decisions of one plan: the review queue needs only these (progress shows in the action's LastUpdateAt). */
export async function getReviewDecisions(sp: SPFI, planId: number): Promise<UpdateRecord[]> {
  const filter = and(eq("PlanId", planId), eq("UpdateKind", "review-decision"));
  return callSharePoint("Reading the plan's review decisions", () =>
    readUpdates(sp, (s) => queryWindowed(s, "updates", { filter, select: UPDATE_SELECT, expand: UPDATE_EXPAND })),
  );
}

/**
 * A plan's date-change requests and the answers to them (both kinds by the indexed PlanId and UpdateKind columns,
 * by ID windows): what the equalities lead's list of pending proposals is made of (domain/proposals.ts).
 */
export async function getDateChanges(sp: SPFI, planId: number): Promise<UpdateRecord[]> {
  const of = (kind: UpdateKind) => (s: SPFI) => queryWindowed(s, "updates", { filter: and(eq("PlanId", planId), eq("UpdateKind", kind)), select: UPDATE_SELECT, expand: UPDATE_EXPAND });
  return callSharePoint("Reading the proposed delivery dates", async () => {
    const [requests, answers] = await Promise.all([readUpdates(sp, of("date-change-request")), readUpdates(sp, of("date-change-decision"))]);
    return [...requests, ...answers].sort(newestFirst);
  });
}

/**
 * The update whose unique key is `importKey`, or null: a submission already saved (`submissionKey(key)`: a retry whose
 * answer was lost), or the answer already given to a date-change request (`proposalDecisionKey(id)`).
 */
export async function getUpdateByKey(sp: SPFI, importKey: string): Promise<UpdateRecord | null> {
  return callSharePoint("Looking for an update already saved", async () => {
    const [found] = await readUpdates(sp, (s) => queryOnce(s, "updates", { filter: eq("ImportKey", importKey), select: UPDATE_SELECT, expand: UPDATE_EXPAND }));
    return found ?? null;
  });
}

export interface SubmitUpdate {
  action: ActionRecord;
  text: string;
  /** Status the action moves to (the person's choice, or from a review decision). */
  status: ActionStatus;
  kind?: UpdateKind;
  decision?: ReviewDecision | null;
  meetingDate?: string | null;
  requestedDueDate?: string | null;
  author: Person | null;
  authorName?: string;
  /** Generated once per submission by the caller (the draft), reused on retry. */
  submissionKey: string;
  /** The item's whole unique key when it is not a submission's (the answer to a date-change request). */
  importKey?: string;
  /** More of the action to write in the same ETag-guarded write (an accepted delivery date). */
  actionPatch?: ActionPatch;
  now: Date;
}

export interface SubmitResult {
  update: UpdateRecord;
  actionEtag?: string;
  /** The action as it now stands (its new ETag included), without reading it again. */
  action: ActionRecord;
}

export async function submitUpdate(sp: SPFI, s: SubmitUpdate): Promise<SubmitResult> {
  if (!s.action.etag) throw new DataError("invalid", "The action must be read with its ETag before updating it.");
  const when = s.now.toISOString();
  const patch: ActionPatch = {
    status: s.status,
    lastUpdateAt: when,
    lastUpdateSummary: shortTitle(s.text),
  };
  if (s.decision) Object.assign(patch, decisionEffect(s.decision));
  if (s.actionPatch) Object.assign(patch, s.actionPatch);
  const [actionEtag, dates] = await Promise.all([updateAction(sp, s.action.id, s.action.etag, patch), siteDates(sp)]);

  const fields = {
    Title: shortTitle(s.text),
    ActionId: s.action.id,
    PlanId: s.action.planId,
    UpdateDate: when,
    UpdatedById: s.author?.id ?? null,
    AuthorName: s.authorName ?? s.author?.name ?? "",
    Body: s.text,
    StatusAtTime: patch.status ?? s.status,
    UpdateKind: s.kind ?? "progress",
    Period: financialYearOf(when.slice(0, 10)),
    Decision: s.decision ?? null,
    MeetingDate: dates.toSpDate(s.meetingDate ?? null),
    RequestedDueDate: dates.toSpDate(s.requestedDueDate ?? null),
    ImportKey: s.importKey ?? submissionKey(s.submissionKey),
  };
  const added = await callSharePoint("Saving the update", () => addOnce(sp, fields, s.author));
  return { update: updateFrom(added, dates), actionEtag, action: withPatch(s.action, patch, actionEtag) };
}

/**
 * Adds the update; if an earlier attempt already landed (unique key), returns that one instead. SharePoint answers
 * an add with the item it created, so the author (whom the caller named) is filled in without reading it again.
 */
async function addOnce(sp: SPFI, fields: Record<string, unknown>, author: Person | null): Promise<Item> {
  try {
    const created = (await list(sp, "updates").items.add(fields)) as Item & { data?: Item };
    const item = created.data ?? created;
    return { ...item, UpdatedBy: author ? { Id: author.id, Title: author.name, EMail: author.email, Name: author.upn ? `i:0#.f|membership|${author.upn}` : undefined } : null };
  } catch (err) {
    const e = err as { status?: number; message?: string };
    if (/duplicate/i.test(e.message ?? "")) {
      const [existing] = await queryOnce(sp, "updates", {
        filter: eq("ImportKey", String(fields.ImportKey)),
        select: UPDATE_SELECT,
        expand: UPDATE_EXPAND,
      });
      if (existing) return existing;
    }
    throw err;
  }
}

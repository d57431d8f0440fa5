/**
 * Approval before publication, in SharePoint: the equalities lead's decisions on progress updates (the rules are
 * src/domain/publication.ts). Every decision is written with the ETag the update was read with, so a decision
 * taken on a stale view (someone else decided meanwhile) writes nothing and says so: no lost update.
 *
 * These are the functions the server's commands call with the validated caller (the lead's site user id and
 * whether they are in the equalities leads' group); the app identity writes, officers cannot.
 */
import {
  approval,
  bulkApproval,
  type PublicationCounts,
  type PublicationReviewer,
  publicationCounts,
  withholding,
} from "../../domain/publication.ts";
import type { UpdatePublication } from "../../domain/types.ts";
import { inBatch, settleBatch } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError, toDataError } from "../errors.ts";
import { list } from "../queries.ts";
import { siteDates } from "../site-time-zone.ts";
import { publicationToFields, UPDATE_EXPAND, UPDATE_SELECT, type UpdateRecord, updateFrom } from "./mapping.ts";
import { getPlanUpdates } from "./repository.ts";

/** One update with its ETag, as a decision on it must start from. */
export async function getUpdate(sp: SPFI, id: number): Promise<UpdateRecord> {
  return callSharePoint(`Reading update ${id}`, async () => {
    const [item, dates] = await Promise.all([
      list(sp, "updates")
        .items.getById(id)
        .select(...UPDATE_SELECT)
        .expand(...UPDATE_EXPAND)() as Promise<never>,
      siteDates(sp),
    ]);
    return updateFrom(item, dates);
  });
}

function needEtag(u: UpdateRecord): string {
  if (!u.etag) throw new DataError("invalid", `Update ${u.id} must be read with its ETag before a decision is written on it.`);
  return u.etag;
}

/** The decision recorded is exactly this one: same state, words, reviewer and instant. */
const sameDecision = (a: UpdatePublication, b: UpdatePublication) =>
  a.state === b.state && a.approvedText === b.approvedText && a.withheldReason === b.withheldReason && a.reviewedById === b.reviewedById && a.reviewedAt === b.reviewedAt;

/**
 * Writes a publication decision with the update's ETag; a 412 is DataError("conflict") and nothing is written.
 * PnPjs re-sends a MERGE whose reply was lost after SharePoint applied it; the re-send then meets its own new ETag.
 * A decision carries the instant it was taken, so finding exactly it on the item means it landed: not a conflict.
 */
export async function setUpdatePublication(sp: SPFI, update: UpdateRecord, publication: UpdatePublication): Promise<UpdateRecord> {
  const etag = needEtag(update);
  try {
    const res = await callSharePoint(`Recording the publication decision on update ${update.id}`, () =>
      list(sp, "updates").items.getById(update.id).update(publicationToFields(publication), etag),
    );
    return { ...update, publication, etag: (res as { etag?: string } | undefined)?.etag };
  } catch (err) {
    if (!(err instanceof DataError && err.reason === "conflict")) throw err;
    const current = await getUpdate(sp, update.id);
    if (current.publication && sameDecision(current.publication, publication)) return current;
    throw err;
  }
}

export interface ApproveUpdate {
  update: UpdateRecord;
  reviewer: PublicationReviewer;
  /** The lead's edit of the text; absent approves it as written. */
  text?: string;
  now: Date;
}

export async function approveUpdate(sp: SPFI, a: ApproveUpdate): Promise<UpdateRecord> {
  return setUpdatePublication(sp, a.update, approval(a.update, a.reviewer, { text: a.text, now: a.now }));
}

export interface WithholdUpdate {
  update: UpdateRecord;
  reviewer: PublicationReviewer;
  reason: string;
  now: Date;
}

export async function withholdUpdate(sp: SPFI, w: WithholdUpdate): Promise<UpdateRecord> {
  return setUpdatePublication(sp, w.update, withholding(w.update, w.reviewer, { reason: w.reason, now: w.now }));
}

export interface BulkApprovalResult {
  /** Approved now, with their new publication. */
  approved: UpdateRecord[];
  /** Changed by someone since they were read (412): left as they are, as they are now, for the lead to look at again. */
  conflicts: UpdateRecord[];
  /** Refused for another reason (a part throttled after retries, access denied): left as they are. */
  failed: Array<{ update: UpdateRecord; error: DataError }>;
  alreadyApproved: UpdateRecord[];
  withheld: UpdateRecord[];
}

/** Decisions per $batch request group: PnPjs splits each into HTTP requests of 20. */
const BULK_CHUNK = 100;

/**
 * Approves, as written, the drafts among `updates` for the period: the updates as the lead saw them (with their
 * ETags), so one changed since is not approved blindly but reported as a conflict. Running it again approves only
 * what is still a draft.
 *
 * The writes travel in $batch requests, and PnPjs puts consecutive writes in one changeset, after whose first
 * failed part SharePoint has answered the later parts with 500 without applying them (pnp/pnpjs#486, #1275). So
 * only the first failure of a round is judged (conflict or failure); the writes after it go again in the next
 * round, with the ETags they still hold. Each round settles at least one update, so this ends.
 */
export async function approveUpdates(sp: SPFI, updates: readonly UpdateRecord[], period: string, reviewer: PublicationReviewer, now: Date): Promise<BulkApprovalResult> {
  const plan = bulkApproval(updates, period, reviewer, now);
  const out: BulkApprovalResult = { approved: [], conflicts: [], failed: [], alreadyApproved: plan.alreadyApproved, withheld: plan.withheld };
  for (const u of plan.approve) needEtag(u.update);
  let pending = plan.approve;
  while (pending.length > 0) {
    const chunk = pending.slice(0, BULK_CHUNK);
    const again: typeof pending = [];
    const settled = await settleBatch(sp, (b) =>
      chunk.map(({ update, publication }) => list(b, "updates").items.getById(update.id).update(publicationToFields(publication), update.etag)),
    );
    let judged = false;
    for (const [n, s] of settled.entries()) {
      const { update, publication } = chunk[n];
      if (s.ok) {
        out.approved.push({ ...update, publication, etag: (s.value as { etag?: string } | undefined)?.etag });
      } else if (judged) {
        again.push(chunk[n]);
      } else {
        judged = true;
        const error = toDataError(s.error, `Approving update ${update.id}`);
        if (error.reason === "conflict") out.conflicts.push(update);
        else out.failed.push({ update, error });
      }
    }
    pending = [...again, ...pending.slice(BULK_CHUNK)];
  }
  await ownWritesAmongConflicts(sp, out, plan.approve);
  return out;
}

/** A "conflict" that holds exactly the decision we sent was our own write, re-sent after a lost reply (see above). */
async function ownWritesAmongConflicts(sp: SPFI, out: BulkApprovalResult, sent: ReadonlyArray<{ update: UpdateRecord; publication: UpdatePublication }>): Promise<void> {
  if (out.conflicts.length === 0) return;
  const intended = new Map(sent.map((s) => [s.update.id, s.publication]));
  const current = await inBatch(sp, (b) => out.conflicts.map((u) => getUpdate(b, u.id)));
  out.conflicts = [];
  for (const c of current) {
    const mine = intended.get(c.id);
    if (mine && c.publication && sameDecision(c.publication, mine)) out.approved.push(c);
    else out.conflicts.push(c);
  }
}

/** Approves every draft progress update of a plan's period as it stands now (read fresh, with ETags). */
export async function approvePeriod(sp: SPFI, o: { planId: number; period: string; reviewer: PublicationReviewer; now: Date }): Promise<BulkApprovalResult> {
  return approveUpdates(sp, await getPlanUpdates(sp, o.planId, o.period), o.period, o.reviewer, o.now);
}

/** How many of a period's progress updates await approval, are approved and are withheld: the tab's count. */
export async function getPublicationCounts(sp: SPFI, planId: number, period: string): Promise<PublicationCounts> {
  return publicationCounts(await getPlanUpdates(sp, planId, period), period);
}

/**
 * Every write of the publication view, in one module: the lead's decisions on progress updates, one by one or for a
 * period. They call src/data (the ETag each update was read with travels with it, so a decision on a stale view
 * writes nothing); when the tab's writes move to the product's server API, this module is the one to switch, and
 * the server then checks the caller is the equalities lead from the site group (the tab's check is only the UI's).
 *
 * Each settled write raises PUBLICATION_CHANGED on the window, so the count awaiting approval in the navigation
 * reads again without the two knowing each other.
 */
import type { SPFI } from "../../../data/create-sp.ts";
import { approveUpdate, approveUpdates, type BulkApprovalResult, withholdUpdate } from "../../../data/updates/publication.ts";
import type { UpdateRecord } from "../../../data/updates/mapping.ts";
import type { PublicationReviewer } from "../../../domain/publication.ts";

export const PUBLICATION_CHANGED = "eap:publication-changed";

function changed(): void {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(PUBLICATION_CHANGED));
}

async function settled<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    changed();
  }
}

/** As written (`text` absent) or with the lead's edit; the original stays on the update as written. */
export function approveOne(sp: SPFI, update: UpdateRecord, reviewer: PublicationReviewer, now: Date, text?: string): Promise<UpdateRecord> {
  return settled(approveUpdate(sp, { update, reviewer, text, now }));
}

export function withholdOne(sp: SPFI, update: UpdateRecord, reviewer: PublicationReviewer, now: Date, reason: string): Promise<UpdateRecord> {
  return settled(withholdUpdate(sp, { update, reviewer, reason, now }));
}

/** The period's drafts among `updates` (as the lead saw them), as written; withheld and approved ones are left alone. */
export function approveAllShown(sp: SPFI, updates: readonly UpdateRecord[], period: string, reviewer: PublicationReviewer, now: Date): Promise<BulkApprovalResult> {
  return settled(approveUpdates(sp, updates, period, reviewer, now));
}

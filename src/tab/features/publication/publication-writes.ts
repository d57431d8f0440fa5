/**
 * Every write of the publication view, in one module: the lead's decisions on progress updates, one by one or for a
 * period, through the product's server (`POST /api/updates/{id}/approve`, `/withhold`,
 * `/api/plans/{id}/publication/approve-all`), which checks the caller is in "EAP Equalities Leads", records them as
 * the reviewer, and writes with the ETag each update was read with (a decision on a stale view writes nothing).
 * The domain's own checks run here first too, so a missing reason is said at once, without a round trip.
 *
 * Each settled write raises PUBLICATION_CHANGED on the window, so the count awaiting approval in the navigation
 * reads again without the two knowing each other.
 */
import type { UpdateRecord } from "../../../data/updates/mapping.ts";
import { approval, type PublicationReviewer, publicationOf, withholding } from "../../../domain/publication.ts";
import type { ApiClient, ApproveAllAnswer, PublicationSeen } from "../../lib/api-client.ts";

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

/** What the lead saw of the update: the server compares it with the update now and says what changed. */
const seenOf = (u: UpdateRecord): PublicationSeen => {
  const p = publicationOf(u);
  return { publication: p.state, approvedText: p.approvedText, text: u.text };
};

const etagOf = (u: UpdateRecord) => u.etag ?? "";

/** As written (`text` absent) or with the lead's edit; the original stays on the update as written. */
export async function approveOne(api: ApiClient, update: UpdateRecord, reviewer: PublicationReviewer, now: Date, text?: string): Promise<UpdateRecord> {
  approval(update, reviewer, { text, now });
  return (await settled(api.approveUpdate(update.id, { etag: etagOf(update), text, seen: seenOf(update) }))).update;
}

export async function withholdOne(api: ApiClient, update: UpdateRecord, reviewer: PublicationReviewer, now: Date, reason: string): Promise<UpdateRecord> {
  withholding(update, reviewer, { reason, now });
  return (await settled(api.withholdUpdate(update.id, { etag: etagOf(update), reason, seen: seenOf(update) }))).update;
}

/** The period's drafts among `updates` (as the lead saw them, each with its ETag); the server approves only those. */
export function approveAllShown(api: ApiClient, planId: number, updates: readonly UpdateRecord[], period: string): Promise<ApproveAllAnswer> {
  const shown = updates.filter((u) => u.period === period && publicationOf(u).state === "draft" && u.etag).map((u) => ({ id: u.id, etag: etagOf(u) }));
  return settled(api.approveAllShown(planId, { period, shown }));
}

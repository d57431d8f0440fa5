/**
 * Approval before publication. What an officer writes is a draft; only the equalities lead decides what the public
 * and the committee read (Pentana's "approving data for display to the public"):
 *  - approved: with the text the lead approved, which may be an edit of the original (the original is kept as
 *    written, so the timeline shows both);
 *  - withheld: internal only, with a reason the EDI group can read;
 *  - draft: as written, awaiting the lead.
 * Reports, exports meant for publication and the public page use approved text only.
 *
 * Only progress updates are ever published: review decisions and requests for a new date are internal records.
 * Who decided and when are set here from the reviewer the server validated (never from what a client sends).
 * Periods are normalised financial years ("2022-23", see normalisePeriod in report-model.ts).
 */
import { MULTI_LINE_MAX, PUBLICATION_STATE_LABELS, type PublicationState, SINGLE_LINE_MAX } from "./constants.ts";
import { formatLongDate } from "./dates.ts";
import { londonDate } from "./london-time.ts";
import type { Action, ActionUpdate, UpdatePublication } from "./types.ts";

export type PublicationErrorReason = "not-allowed" | "not-publishable" | "invalid-text" | "invalid-reason";

export class PublicationError extends Error {
  readonly reason: PublicationErrorReason;
  constructor(reason: PublicationErrorReason, message: string) {
    super(message);
    this.name = "PublicationError";
    this.reason = reason;
  }
}

/** The state of an update nobody has reviewed yet. */
export const DRAFT: UpdatePublication = { state: "draft", approvedText: null, withheldReason: null, reviewedAt: null, reviewedById: null };

/** The fields publication needs of an update (a record from src/data carries more). */
export type PublishableUpdate = Pick<ActionUpdate, "id" | "actionId" | "planId" | "date" | "kind" | "period" | "text" | "publication">;

/** Who is deciding: their site user id, and whether they are the equalities lead (a site group the server reads). */
export interface PublicationReviewer {
  personId: number;
  isEqualitiesLead: boolean;
}

/**
 * An update's publication as the rules read it. Absent means draft. "Approved" with no approved text (the state set
 * by hand in SharePoint's own list view) has nothing to publish, so it reads as a draft awaiting the lead again.
 */
export function publicationOf(u: Pick<ActionUpdate, "publication">): UpdatePublication {
  const p = u.publication;
  if (!p) return DRAFT;
  if (p.state === "approved" && (p.approvedText ?? "").trim() === "") return { ...DRAFT };
  return p;
}

/** A progress update with words in it: the only kind that can be published. */
export function isPublishable(u: Pick<ActionUpdate, "kind" | "text">): boolean {
  return u.kind === "progress" && u.text.trim() !== "";
}

/** The text the public and the committee may read: the approved text, or null when the update is not approved. */
export function publishedText(u: Pick<ActionUpdate, "kind" | "text" | "publication">): string | null {
  if (!isPublishable(u)) return null;
  const p = publicationOf(u);
  return p.state === "approved" ? (p.approvedText ?? "").trim() : null;
}

function mustBeLead(reviewer: PublicationReviewer): void {
  if (!reviewer.isEqualitiesLead) {
    throw new PublicationError("not-allowed", "Only the equalities lead approves or withholds updates for publication.");
  }
}

function mustBePublishable(u: PublishableUpdate): void {
  if (u.kind !== "progress") {
    throw new PublicationError("not-publishable", "Only progress updates are published; review decisions and date requests stay internal.");
  }
  if (u.text.trim() === "") throw new PublicationError("not-publishable", "The update has no text to publish.");
}

/**
 * The lead approves an update, as written or with their edit of it (`text`). Approving again replaces the approved
 * text; approving a withheld update publishes it after all.
 */
export function approval(u: PublishableUpdate, reviewer: PublicationReviewer, opts: { text?: string; now: Date }): UpdatePublication {
  mustBeLead(reviewer);
  mustBePublishable(u);
  const text = (opts.text ?? u.text).trim();
  if (text === "") throw new PublicationError("invalid-text", "Write the text to publish, or withhold the update.");
  if (text.length > MULTI_LINE_MAX) {
    throw new PublicationError("invalid-text", `Keep the text to publish under ${MULTI_LINE_MAX} characters (it has ${text.length}).`);
  }
  return { state: "approved", approvedText: text, withheldReason: null, reviewedAt: opts.now.toISOString(), reviewedById: reviewer.personId };
}

/** The lead withholds an update: it stays internal, with the reason (kept with the update for the EDI group). */
export function withholding(u: PublishableUpdate, reviewer: PublicationReviewer, opts: { reason: string; now: Date }): UpdatePublication {
  mustBeLead(reviewer);
  mustBePublishable(u);
  const reason = opts.reason.trim();
  if (reason === "") throw new PublicationError("invalid-reason", "Give a reason for withholding the update: it is kept with the update.");
  if (reason.length > SINGLE_LINE_MAX) {
    throw new PublicationError("invalid-reason", `Keep the reason under ${SINGLE_LINE_MAX} characters (it has ${reason.length}).`);
  }
  return { state: "withheld", approvedText: null, withheldReason: reason, reviewedAt: opts.now.toISOString(), reviewedById: reviewer.personId };
}

const inPeriod = (u: PublishableUpdate, period: string) => u.period === period && isPublishable(u);

/** The period's progress updates still awaiting the lead, oldest first. */
export function awaitingApproval<U extends PublishableUpdate>(updates: readonly U[], period: string): U[] {
  return updates
    .filter((u) => inPeriod(u, period) && publicationOf(u).state === "draft")
    .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
}

/** A progress update the equalities lead has not yet approved or withheld, as a report names it. */
export interface AwaitingUpdate {
  updateId: number;
  actionId: number;
  /** The action's reference ("CL-22-1"), "" when it has none. */
  reference: string;
  actionText: string;
  /** London civil date of the update, YYYY-MM-DD. */
  date: string;
  text: string;
}

/** The updates awaiting approval, named by their action, for a message or a list. */
export function describeAwaiting(updates: readonly ActionUpdate[], actions: readonly Action[], period: string): AwaitingUpdate[] {
  const actionById = new Map(actions.map((a) => [a.id, a]));
  return awaitingApproval(updates, period).map((u) => ({
    updateId: u.id,
    actionId: u.actionId,
    reference: actionById.get(u.actionId)?.reference ?? "",
    actionText: actionById.get(u.actionId)?.text ?? "",
    date: /^\d{4}-\d{2}-\d{2}$/.test(u.date) ? u.date : londonDate(u.date),
    text: u.text.trim(),
  }));
}

/** At most `n` characters, cut at a word where there is one in the second half. */
const clipped = (t: string, n: number) => {
  const flat = t.replace(/\s+/g, " ").trim();
  if (flat.length <= n) return flat;
  const cut = flat.slice(0, n - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > n / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

/** One line per update awaiting approval: "- CL-22-1 Ongoing delivery…: update of 1 February 2023, "…"". */
export function awaitingLines(awaiting: readonly AwaitingUpdate[]): string[] {
  return awaiting.map((a) => `- ${[a.reference, clipped(a.actionText, 60)].filter(Boolean).join(" ")}: update of ${formatLongDate(a.date)}, "${clipped(a.text, 80)}"`);
}

export type PublicationCounts = Record<PublicationState, number>;

/** How many of the period's progress updates are awaiting approval, approved and withheld (the tab's count). */
export function publicationCounts(updates: readonly PublishableUpdate[], period: string): PublicationCounts {
  const counts: PublicationCounts = { draft: 0, approved: 0, withheld: 0 };
  for (const u of updates) if (inPeriod(u, period)) counts[publicationOf(u).state]++;
  return counts;
}

export interface BulkApproval<U> {
  /** The drafts of the period, each with its approval as written. */
  approve: Array<{ update: U; publication: UpdatePublication }>;
  alreadyApproved: U[];
  /** Withheld stays withheld: bulk approval never overrides a decision the lead took one by one. */
  withheld: U[];
}

/** Approving a period in bulk: every draft progress update of the period, as written. */
export function bulkApproval<U extends PublishableUpdate>(updates: readonly U[], period: string, reviewer: PublicationReviewer, now: Date): BulkApproval<U> {
  mustBeLead(reviewer);
  const out: BulkApproval<U> = { approve: [], alreadyApproved: [], withheld: [] };
  for (const u of updates) {
    if (!inPeriod(u, period)) continue;
    const state = publicationOf(u).state;
    if (state === "approved") out.alreadyApproved.push(u);
    else if (state === "withheld") out.withheld.push(u);
    else out.approve.push({ update: u, publication: approval(u, reviewer, { now }) });
  }
  return out;
}

/** What officers see of an update's publication: its state in words and, when approved, the words published. */
export interface PublicationView {
  state: PublicationState;
  label: string;
  publishedText: string | null;
  /** The approved text differs from what was written. */
  edited: boolean;
  withheldReason: string | null;
  reviewedAt: string | null;
}

export function publicationView(u: Pick<ActionUpdate, "kind" | "text" | "publication">): PublicationView {
  const p = publicationOf(u);
  const published = publishedText(u);
  return {
    state: p.state,
    label: PUBLICATION_STATE_LABELS[p.state],
    publishedText: published,
    edited: published !== null && published !== u.text.trim(),
    withheldReason: p.state === "withheld" ? p.withheldReason : null,
    reviewedAt: p.reviewedAt,
  };
}

/**
 * The EDI group's review queue for a channel meeting (side panel) or the channel tab: which actions to look at, and
 * why. Pure: the clock comes in as `now`, the data as arguments.
 *
 *  - overdue: unfinished and past its due date (London calendar, see status.ts);
 *  - due this quarter: due from today to the end of the current quarter (UK financial quarters share calendar
 *    quarters' boundaries: Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar);
 *  - changed since the last review: the last review is the newest "review-decision" update's meeting date; an
 *    action whose last update falls after that date has news for the group. With no review yet, every action that
 *    has an update has news.
 */
import { lastDayOfMonth, parseIsoDate, toIsoDate } from "./dates.ts";
import { londonDate } from "./london-time.ts";
import { dueBucket, isDone } from "./status.ts";
import type { Action, ActionUpdate, ReviewDecision } from "./types.ts";

export type ReviewReason = "overdue" | "due-this-quarter" | "changed";

export const REVIEW_REASON_LABELS: Record<ReviewReason, string> = {
  overdue: "Overdue",
  "due-this-quarter": "Due this quarter",
  changed: "Changed since the last review",
};

export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  "on-track": "On track",
  "at-risk": "At risk",
  closed: "Closed",
  ongoing: "Remains ongoing in the new plan",
  developed: "Developed in the new plan",
};

export interface ReviewItem<A extends Action = Action> {
  action: A;
  reasons: ReviewReason[];
  /** The decision already recorded for this action at this meeting, if any (so the group sees its progress). */
  decidedNow: ReviewDecision | null;
}

export interface ReviewQueue<A extends Action = Action> {
  /** Civil date of the last review meeting, or null when the group has never recorded a decision. */
  lastReviewDate: string | null;
  /** Last day of the current quarter (London). */
  quarterEnd: string;
  items: ReviewItem<A>[];
}

/** The civil date an update's review belongs to: its meeting date, else the London date it was recorded. */
function reviewDateOf(u: Pick<ActionUpdate, "meetingDate" | "date">): string {
  return u.meetingDate ?? londonDate(u.date);
}

/** Newest meeting date among review decisions, optionally ignoring the meeting in progress. */
export function lastReviewDate(updates: readonly ActionUpdate[], opts: { before?: string } = {}): string | null {
  let last: string | null = null;
  for (const u of updates) {
    if (u.kind !== "review-decision") continue;
    const d = reviewDateOf(u);
    if (opts.before !== undefined && d >= opts.before) continue;
    if (last === null || d > last) last = d;
  }
  return last;
}

/** Last day of the quarter containing `isoDate` (quarters end in March, June, September, December). */
export function quarterEndOf(isoDate: string): string {
  const { year, month } = parseIsoDate(isoDate);
  const endMonth = Math.ceil(month / 3) * 3;
  return toIsoDate(year, endMonth, lastDayOfMonth(year, endMonth));
}

const REASON_RANK: Record<ReviewReason, number> = { overdue: 0, "due-this-quarter": 1, changed: 2 };

/**
 * Builds the queue for a meeting on `meetingDate` (today outside a meeting). Decisions recorded at this meeting do
 * not move "the last review" forward, so an action stays in the queue (marked decided) while the meeting goes on.
 * Order: overdue first, then due this quarter, then changed; within each, by due date then plan order.
 */
export function buildReviewQueue<A extends Action>(
  actions: readonly A[],
  updates: readonly ActionUpdate[],
  now: Date,
  meetingDate: string = londonDate(now),
): ReviewQueue<A> {
  const today = londonDate(now);
  const quarterEnd = quarterEndOf(today);
  const last = lastReviewDate(updates, { before: meetingDate });

  const decidedNow = new Map<number, ActionUpdate>();
  const newestUpdate = new Map<number, string>();
  for (const u of updates) {
    if (u.kind === "review-decision" && reviewDateOf(u) === meetingDate) {
      const prev = decidedNow.get(u.actionId);
      if (!prev || u.date > prev.date || (u.date === prev.date && u.id > prev.id)) decidedNow.set(u.actionId, u);
    }
    if (u.kind !== "review-decision") {
      const d = londonDate(u.date);
      if ((newestUpdate.get(u.actionId) ?? "") < d) newestUpdate.set(u.actionId, d);
    }
  }

  const items: ReviewItem<A>[] = [];
  for (const a of actions) {
    const decided = decidedNow.get(a.id)?.decision ?? null;
    // Finished actions leave the queue, unless the group finished them at this very meeting.
    if ((isDone(a) || a.disposition !== "open") && decided === null) continue;
    const reasons: ReviewReason[] = [];
    const bucket = dueBucket(a, now);
    if (bucket === "overdue") reasons.push("overdue");
    else if (a.due.date !== null && a.due.date >= today && a.due.date <= quarterEnd && !isDone(a)) reasons.push("due-this-quarter");
    const lastUpdate = newestUpdate.get(a.id) ?? (a.lastUpdateAt ? londonDate(a.lastUpdateAt) : null);
    if (lastUpdate !== null && (last === null || lastUpdate > last)) reasons.push("changed");
    if (reasons.length === 0 && decided === null) continue;
    items.push({ action: a, reasons, decidedNow: decided });
  }
  const rank = (i: ReviewItem<A>) => Math.min(...i.reasons.map((r) => REASON_RANK[r]), 3);
  items.sort(
    (x, y) =>
      rank(x) - rank(y) ||
      (x.action.due.date ?? "9999").localeCompare(y.action.due.date ?? "9999") ||
      x.action.order - y.action.order ||
      x.action.id - y.action.id,
  );
  return { lastReviewDate: last, quarterEnd, items };
}

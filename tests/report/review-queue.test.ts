/** The review queue's rules (pure): overdue, due this quarter, changed since the last review's meeting date. */
import { describe, expect, test } from "vitest";
import { buildReviewQueue, lastReviewDate, quarterEndOf } from "../../src/domain/review-queue.ts";
import type { ActionUpdate } from "../../src/domain/types.ts";
import { bst, dayDue, makeAction } from "../domain/fixtures.ts";

const now = bst("2024-05-15", "10:00");

function update(o: Partial<ActionUpdate>): ActionUpdate {
  return {
    id: 1,
    actionId: 1,
    planId: 1,
    date: "2024-05-01T09:00:00Z",
    authorId: null,
    authorName: "Someone",
    text: "Did things",
    statusAtTime: null,
    kind: "progress",
    period: "2024-25",
    decision: null,
    meetingDate: null,
    requestedDueDate: null,
    ...o,
  };
}

describe("review queue", () => {
  test("quarters end in June, September, December and March", () => {
    expect(quarterEndOf("2024-05-15")).toBe("2024-06-30");
    expect(quarterEndOf("2024-07-01")).toBe("2024-09-30");
    expect(quarterEndOf("2024-12-31")).toBe("2024-12-31");
    expect(quarterEndOf("2025-02-10")).toBe("2025-03-31");
  });

  test("the last review is the newest review decision's meeting date, not when it was typed", () => {
    const ups = [
      update({ id: 1, kind: "review-decision", decision: "on-track", meetingDate: "2024-03-20", date: "2024-03-25T10:00:00Z" }),
      update({ id: 2, kind: "review-decision", decision: "at-risk", meetingDate: "2024-01-10", date: "2024-04-01T10:00:00Z" }),
      update({ id: 3, kind: "progress", date: "2024-04-10T10:00:00Z" }),
    ];
    expect(lastReviewDate(ups)).toBe("2024-03-20");
    expect(lastReviewDate([update({})])).toBeNull();
  });

  test("lists overdue, due this quarter and changed actions, each with its reasons, overdue first", () => {
    const actions = [
      makeAction({ id: 1, reference: "A-1", order: 1, due: dayDue("2024-12-01") }), // later, no news: left out
      makeAction({ id: 2, reference: "A-2", order: 2, due: dayDue("2024-06-30") }), // due this quarter
      makeAction({ id: 3, reference: "A-3", order: 3, due: dayDue("2024-05-14") }), // overdue
      makeAction({ id: 4, reference: "A-4", order: 4, due: dayDue("2024-11-01") }), // changed after the last review
      makeAction({ id: 5, reference: "A-5", order: 5, due: dayDue("2024-04-01"), status: "complete" }), // done: out
      makeAction({ id: 6, reference: "A-6", order: 6, due: dayDue("2024-07-01") }), // next quarter: out
      makeAction({ id: 7, reference: "A-7", order: 7, due: dayDue("2024-10-01") }), // updated before the review: out
    ];
    const updates = [
      update({ id: 10, actionId: 1, kind: "review-decision", decision: "on-track", meetingDate: "2024-04-20", date: "2024-04-20T10:00:00Z" }),
      update({ id: 11, actionId: 4, date: "2024-05-02T10:00:00Z" }),
      update({ id: 12, actionId: 7, date: "2024-04-19T10:00:00Z" }),
    ];
    const q = buildReviewQueue(actions, updates, now);
    expect(q.lastReviewDate).toBe("2024-04-20");
    expect(q.quarterEnd).toBe("2024-06-30");
    expect(q.items.map((i) => [i.action.reference, i.reasons])).toEqual([
      ["A-3", ["overdue"]],
      ["A-2", ["due-this-quarter"]],
      ["A-4", ["changed"]],
    ]);
  });

  test("decisions recorded at today's meeting keep the action in the queue, marked decided, and do not move the last review", () => {
    const actions = [makeAction({ id: 3, due: dayDue("2024-05-14"), disposition: "closed" })];
    const updates = [
      update({ id: 20, actionId: 3, kind: "review-decision", decision: "closed", meetingDate: "2024-05-15", date: "2024-05-15T09:00:00Z" }),
      update({ id: 21, actionId: 3, kind: "review-decision", decision: "on-track", meetingDate: "2024-02-01", date: "2024-02-01T09:00:00Z" }),
    ];
    const q = buildReviewQueue(actions, updates, now, "2024-05-15");
    expect(q.lastReviewDate).toBe("2024-02-01");
    expect(q.items).toHaveLength(1);
    expect(q.items[0].decidedNow).toBe("closed");
    // The next meeting: the closed action has left the queue.
    expect(buildReviewQueue(actions, updates, bst("2024-08-01"), "2024-08-01").items).toEqual([]);
  });

  test("with no review yet, every action with an update has news", () => {
    const actions = [makeAction({ id: 1, due: dayDue(null), lastUpdateAt: "2023-03-31T12:00:00Z" }), makeAction({ id: 2, due: dayDue(null) })];
    const q = buildReviewQueue(actions, [], now);
    expect(q.lastReviewDate).toBeNull();
    expect(q.items.map((i) => i.action.id)).toEqual([1]);
  });
});

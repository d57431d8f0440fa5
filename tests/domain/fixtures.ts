import type { Action, ActionUpdate, Due } from "../../src/domain/types";

/** A valid open action, due 28 June 2024; tests override what they are about. */
export function makeAction(overrides: Partial<Action> = {}): Action {
  return {
    id: 1,
    planId: 1,
    objectiveId: 1,
    commitmentId: null,
    reference: "CL-1",
    text: "Provide ward level analysis of demographic information",
    ownerId: 10,
    officerIds: [10],
    teams: "Policy and Information team",
    successMeasures: [],
    due: dayDue("2024-06-28"),
    status: "on-track",
    disposition: "open",
    characteristics: [],
    carriedFromId: null,
    order: 0,
    lastUpdateAt: null,
    lastUpdateSummary: null,
    snoozedUntil: null,
    ...overrides,
  };
}

/** A progress update of 2022-23 on action 1, a draft; tests override what they are about. */
export function makeUpdate(overrides: Partial<ActionUpdate> = {}): ActionUpdate {
  return {
    id: 1,
    actionId: 1,
    planId: 1,
    date: "2023-03-31T12:00:00Z",
    authorId: null,
    authorName: "",
    text: "Update 1",
    statusAtTime: null,
    kind: "progress",
    period: "2022-23",
    decision: null,
    meetingDate: null,
    requestedDueDate: null,
    ...overrides,
  };
}

/** makeUpdate, approved for publication as written (unless `overrides` give another publication). */
export function makeApprovedUpdate(overrides: Partial<ActionUpdate> = {}): ActionUpdate {
  const u = makeUpdate(overrides);
  return { publication: { state: "approved", approvedText: u.text, withheldReason: null, reviewedAt: null, reviewedById: null }, ...u };
}

export function dayDue(date: string | null): Due {
  return { date, precision: "day", kind: "deliver-by", text: date ?? "" };
}

export function monthDue(date: string): Due {
  return { date, precision: "month", kind: "deliver-by", text: date.slice(0, 7) };
}

/** An instant at the given London wall-clock time, for dates in BST (UTC+1). */
export function bst(date: string, hhmm = "10:00"): Date {
  const [h, m] = hhmm.split(":").map(Number);
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h - 1, m));
}

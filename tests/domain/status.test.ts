import { describe, expect, it } from "vitest";
import {
  type DueBucket,
  daysUntilDue,
  dueBucket,
  type EffectiveStatus,
  effectiveStatus,
  groupMyActions,
  isOverdue,
  isStatusRecorded,
  STATUS_TEXT,
  updateAgeDays,
} from "../../src/domain/status";
import { ACTION_STATUSES, type Action, type ActionStatus, CHOOSABLE_ACTION_STATUSES, newUpdateInputSchema } from "../../src/domain/types";
import { dayDue, makeAction, monthDue } from "./fixtures";

describe("dueBucket around midnight, month ends and clock changes", () => {
  it.each<[string, string, DueBucket]>([
    // Due 31 March 2024; BST begins at 01:00 UTC that day.
    ["2024-03-31", "2024-03-31T22:59:00Z", "due-soon"], // 23:59 BST on the 31st: not yet overdue
    ["2024-03-31", "2024-03-31T23:00:00Z", "overdue"], // 00:00 BST on 1 April, though UTC says 31 March
    ["2024-03-31", "2024-03-31T23:30:00Z", "overdue"],
    // In GMT London and UTC agree.
    ["2024-01-31", "2024-01-31T23:59:59Z", "due-soon"],
    ["2024-01-31", "2024-02-01T00:00:00Z", "overdue"],
    // Leap day.
    ["2024-02-29", "2024-02-29T12:00:00Z", "due-soon"],
    ["2024-02-29", "2024-03-01T00:00:00Z", "overdue"],
    // Autumn: midnight of 27 October 2024 is still BST.
    ["2024-10-26", "2024-10-26T22:59:00Z", "due-soon"],
    ["2024-10-26", "2024-10-26T23:00:00Z", "overdue"],
    // The due-soon window: 30 days inclusive.
    ["2024-07-31", "2024-07-01T09:00:00Z", "due-soon"],
    ["2024-08-01", "2024-07-01T09:00:00Z", "later"],
    ["2024-07-01", "2024-07-01T09:00:00Z", "due-soon"],
  ])("due %s at %s → %s", (date, now, expected) => {
    expect(dueBucket(makeAction({ due: dayDue(date) }), new Date(now))).toBe(expected);
  });

  it("a month-precision action is due on the month's last day", () => {
    const action = makeAction({ due: monthDue("2019-03-31") });
    // 31 March 2019 was itself the last Sunday of March: BST from 01:00 UTC, so London midnight is 23:00 UTC.
    expect(dueBucket(action, new Date("2019-03-31T22:59:00Z"))).toBe("due-soon");
    expect(dueBucket(action, new Date("2019-03-31T23:00:00Z"))).toBe("overdue");
  });

  it.each<[Partial<Action>, DueBucket]>([
    [{ status: "complete" }, "done"],
    [{ disposition: "closed" }, "done"],
    [{ status: "complete", due: dayDue(null) }, "done"],
    [{ due: dayDue(null) }, "no-date"],
    [{ disposition: "ongoing" }, "overdue"],
    [{ status: "at-risk" }, "overdue"],
  ])("%j → %s (long past its date)", (overrides, expected) => {
    expect(dueBucket(makeAction({ due: dayDue("2018-05-31"), ...overrides }), new Date("2024-06-01T09:00:00Z"))).toBe(expected);
  });

  it("takes the due-soon window from the options", () => {
    const action = makeAction({ due: dayDue("2024-06-20") });
    const now = new Date("2024-06-01T09:00:00Z");
    expect(dueBucket(action, now)).toBe("due-soon");
    expect(dueBucket(action, now, { dueSoonDays: 14 })).toBe("later");
    expect(dueBucket(action, now, { dueSoonDays: 19 })).toBe("due-soon");
  });
});

describe("daysUntilDue, isOverdue, effectiveStatus", () => {
  it.each<[string | null, string, number | null]>([
    ["2024-04-01", "2024-03-31T22:30:00Z", 1], // 23:30 BST on the 31st
    ["2024-04-01", "2024-03-31T23:30:00Z", 0], // 00:30 BST on the 1st
    ["2024-03-30", "2024-04-01T12:00:00Z", -2],
    [null, "2024-04-01T12:00:00Z", null],
  ])("due %s at %s → %s days", (date, now, expected) => {
    expect(daysUntilDue(makeAction({ due: dayDue(date) }), new Date(now))).toBe(expected);
  });

  it.each<[Partial<Action>, string, string]>([
    [{ status: "on-track" }, "2024-07-01T09:00:00Z", "overdue"],
    [{ status: "at-risk" }, "2024-07-01T09:00:00Z", "overdue"],
    [{ status: "not-started" }, "2024-07-01T09:00:00Z", "overdue"],
    [{ status: "complete" }, "2024-07-01T09:00:00Z", "complete"],
    [{ status: "on-track", disposition: "closed" }, "2024-07-01T09:00:00Z", "on-track"],
    [{ status: "at-risk" }, "2024-06-28T09:00:00Z", "at-risk"],
    [{ status: "on-track", due: dayDue(null) }, "2030-01-01T09:00:00Z", "on-track"],
  ])("%j at %s → %s", (overrides, now, expected) => {
    const action = makeAction(overrides);
    expect(effectiveStatus(action, new Date(now))).toBe(expected);
    expect(isOverdue(action, new Date(now))).toBe(expected === "overdue");
  });

  // "Not recorded": the records give no status. It is shown as such, even past the date (whether the work was late
  // is what the records do not say), while the due group still follows the date so that its owner is asked.
  it.each<[Partial<Action>, string, EffectiveStatus, DueBucket]>([
    [{ status: "not-recorded" }, "2024-07-01T09:00:00Z", "not-recorded", "overdue"],
    [{ status: "not-recorded" }, "2024-06-01T09:00:00Z", "not-recorded", "due-soon"],
    [{ status: "not-recorded", due: dayDue(null) }, "2024-07-01T09:00:00Z", "not-recorded", "no-date"],
    [{ status: "not-recorded", disposition: "closed" }, "2024-07-01T09:00:00Z", "not-recorded", "done"],
    [{ status: "not-recorded", disposition: "ongoing" }, "2024-07-01T09:00:00Z", "not-recorded", "overdue"],
  ])("%j at %s shows %s, due group %s", (overrides, now, shown, bucket) => {
    const action = makeAction(overrides);
    expect(effectiveStatus(action, new Date(now))).toBe(shown);
    expect(dueBucket(action, new Date(now))).toBe(bucket);
  });

  it.each<[ActionStatus, boolean]>([
    ["not-started", true],
    ["on-track", true],
    ["at-risk", true],
    ["complete", true],
    ["not-recorded", false],
  ])("status %s is recorded: %s", (status, recorded) => {
    expect(isStatusRecorded(status)).toBe(recorded);
  });

  it("offers people every status but 'not recorded', and refuses it in an update", () => {
    expect(CHOOSABLE_ACTION_STATUSES).toEqual(ACTION_STATUSES.filter((s) => s !== "not-recorded"));
    expect(newUpdateInputSchema.safeParse({ text: "Done", status: "on-track" }).success).toBe(true);
    const refused = newUpdateInputSchema.safeParse({ text: "Done", status: "not-recorded" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toMatch(/choose a status from the list/);
  });

  it("labels every effective status, Overdue included", () => {
    expect(STATUS_TEXT).toEqual({
      "not-started": "Not started",
      "on-track": "On track",
      "at-risk": "At risk",
      complete: "Complete",
      "not-recorded": "Not recorded",
      overdue: "Overdue",
    });
  });
});

describe("updateAgeDays", () => {
  it.each<[string | null, string, number | null]>([
    [null, "2024-06-01T09:00:00Z", null],
    ["", "2024-06-01T09:00:00Z", null],
    ["2024-06-01T08:00:00Z", "2024-06-01T20:00:00Z", 0],
    ["2024-05-31T23:30:00Z", "2024-06-01T09:00:00Z", 0], // 00:30 BST on 1 June: same London day
    ["2024-05-31T22:30:00Z", "2024-06-01T09:00:00Z", 1],
    ["2024-05-01", "2024-06-01T09:00:00Z", 31],
    ["2023-06-01T09:00:00Z", "2024-06-01T09:00:00Z", 366],
  ])("last update %j, now %s → %s", (last, now, expected) => {
    expect(updateAgeDays(last, new Date(now))).toBe(expected);
  });

  it("rejects an impossible civil date", () => {
    expect(() => updateAgeDays("2024-02-30", new Date("2024-06-01T09:00:00Z"))).toThrow(RangeError);
  });
});

describe("groupMyActions", () => {
  const now = new Date("2024-06-03T09:00:00Z");
  const actions = [
    makeAction({ id: 1, reference: "A-1", due: dayDue("2024-09-01") }),
    makeAction({ id: 2, reference: "A-2", due: dayDue("2024-05-01") }),
    makeAction({ id: 3, reference: "A-3", due: dayDue("2024-06-10") }),
    makeAction({ id: 4, reference: "A-4", due: dayDue(null) }),
    makeAction({ id: 5, reference: "A-5", due: dayDue("2024-04-01") }),
    makeAction({ id: 6, reference: "A-6", due: dayDue("2024-04-01"), status: "complete" }),
    makeAction({ id: 7, reference: "A-7", due: dayDue("2024-06-05"), disposition: "closed" }),
    makeAction({ id: 8, reference: "A-10", due: dayDue("2024-06-10") }),
    makeAction({ id: 9, reference: "A-9", due: dayDue("2024-06-10") }),
  ];

  it("orders the groups overdue, due soon, later, no date; sorts by date; leaves out done actions", () => {
    const groups = groupMyActions(actions, now);
    expect(groups.map((g) => [g.bucket, g.title, g.actions.map((a) => a.id)])).toEqual([
      ["overdue", "Overdue", [5, 2]],
      ["due-soon", "Due within 30 days", [3, 9, 8]], // same date: by reference, A-9 before A-10
      ["later", "Later", [1]],
      ["no-date", "No date", [4]],
    ]);
  });

  it("leaves out empty groups and does not reorder its input", () => {
    const input = [actions[0], actions[3]];
    const groups = groupMyActions(input, now);
    expect(groups.map((g) => g.bucket)).toEqual(["later", "no-date"]);
    expect(input.map((a) => a.id)).toEqual([1, 4]);
  });

  it("uses the configured window in the title and the grouping", () => {
    const week = groupMyActions(actions, now, { dueSoonDays: 7 });
    expect(week.map((g) => [g.title, g.actions.map((a) => a.id)])).toEqual([
      ["Overdue", [5, 2]],
      ["Due within 7 days", [3, 9, 8]],
      ["Later", [1]],
      ["No date", [4]],
    ]);
    const sixDays = groupMyActions(actions, now, { dueSoonDays: 6 });
    expect(sixDays.map((g) => [g.bucket, g.actions.map((a) => a.id)])).toEqual([
      ["overdue", [5, 2]],
      ["later", [3, 9, 8, 1]],
      ["no-date", [4]],
    ]);
  });
});

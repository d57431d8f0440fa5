import { describe, expect, it } from "vitest";
import { ENGLAND_AND_WALES_BANK_HOLIDAY_DATES } from "../../src/domain/bank-holidays";
import {
  computeNudges,
  currentMilestone,
  DEFAULT_REMINDER_POLICY,
  describeDaysLeft,
  describeLeadTime,
  effectiveDueDate,
  isQuietTime,
  type Nudge,
  nudgeKey,
  parseLeadTime,
  type ReminderPolicy,
  reminderPolicySchema,
  snoozeUntil,
} from "../../src/domain/reminder-policy";
import type { Action, LedgerEntry } from "../../src/domain/types";
import { bst, dayDue, makeAction, monthDue } from "./fixtures";

type LedgerRow = Pick<LedgerEntry, "key" | "state">;

function run(actions: Action[], now: Date, opts: { ledger?: LedgerRow[]; policy?: Partial<ReminderPolicy> } = {}) {
  const policy = reminderPolicySchema.parse({ ...DEFAULT_REMINDER_POLICY, ...opts.policy });
  return computeNudges({ actions, ledger: opts.ledger ?? [], now, policy });
}

/** The lead time sent for a single action on a London date at 10:00 (BST), or null when nothing is sent. */
function leadOn(action: Action, date: string, policy: Partial<ReminderPolicy> = {}, ledger: LedgerRow[] = []): string | null {
  const { nudges } = run([action], bst(date), { policy, ledger });
  expect(nudges.length).toBeLessThanOrEqual(1);
  return nudges[0]?.leadTime ?? null;
}

describe("policy defaults and validation", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_REMINDER_POLICY).toMatchObject({
      leadTimesDays: [28, 14, 7, 1, 0],
      overdueEveryDays: 7,
      quietHours: { start: "18:00", end: "08:00" },
      workingDaysOnly: true,
      snoozeDays: 7,
      dueSoonDays: 30,
    });
    expect(DEFAULT_REMINDER_POLICY.bankHolidays).toEqual([...ENGLAND_AND_WALES_BANK_HOLIDAY_DATES]);
  });

  it("gives each parse its own default arrays", () => {
    const a = reminderPolicySchema.parse({});
    a.leadTimesDays.push(99);
    expect(reminderPolicySchema.parse({}).leadTimesDays).toEqual([28, 14, 7, 1, 0]);
  });

  it.each<[string, unknown]>([
    ["repeated lead times", { leadTimesDays: [7, 7] }],
    ["no lead times", { leadTimesDays: [] }],
    ["negative lead time", { leadTimesDays: [-1] }],
    ["zero overdue cadence", { overdueEveryDays: 0 }],
    ["bad quiet hours", { quietHours: { start: "6pm", end: "08:00" } }],
    ["24:00", { quietHours: { start: "24:00", end: "08:00" } }],
    ["bad bank holiday", { bankHolidays: ["25/12/2024"] }],
  ])("rejects %s", (_name, input) => {
    expect(reminderPolicySchema.safeParse(input).success).toBe(false);
  });
});

describe("lead times for a day-precision action due Friday 28 June 2024", () => {
  const action = makeAction({ due: dayDue("2024-06-28") });
  it.each<[string, string | null]>([
    ["2024-05-30", null], // 29 days before: nothing yet
    ["2024-05-31", "28d"],
    ["2024-06-03", "28d"], // catch-up: still the current milestone (unless sent)
    ["2024-06-13", "28d"],
    ["2024-06-14", "14d"],
    ["2024-06-20", "14d"],
    ["2024-06-21", "7d"],
    ["2024-06-26", "7d"],
    ["2024-06-27", "1d"],
    ["2024-06-28", "0d"],
    ["2024-07-01", "overdue-1"], // the day after is Saturday: moved forward to Monday
    ["2024-07-05", "overdue-1"],
    ["2024-07-08", "overdue-2"], // 6 July (Saturday) + working-day move
    ["2024-07-12", "overdue-2"],
    ["2024-07-15", "overdue-3"],
    ["2025-06-30", "overdue-53"],
  ])("on %s → %s", (date, expected) => {
    expect(leadOn(action, date)).toBe(expected);
  });

  it("reports the effective due date and the exact days left", () => {
    const { nudges } = run([action], bst("2024-06-21"));
    expect(nudges).toEqual([{ key: "1:7d:10", actionId: 1, officerId: 10, leadTime: "7d", dueDate: "2024-06-28", daysLeft: 7 }]);
    expect(run([action], bst("2024-07-08")).nudges[0]).toMatchObject({ leadTime: "overdue-2", daysLeft: -10 });
  });
});

describe("catch-up: only the current milestone, never a burst", () => {
  it("an action first seen five days before its date gets one 7d nudge", () => {
    const action = makeAction({ due: dayDue("2024-06-28") });
    const { nudges } = run([action], bst("2024-06-24"));
    expect(nudges.map((n) => n.leadTime)).toEqual(["7d"]);
    expect(nudges[0].daysLeft).toBe(4);
  });

  it("a sent 7d nudge is not followed by the overtaken 28d or 14d", () => {
    const action = makeAction({ due: dayDue("2024-06-28") });
    const ledger: LedgerRow[] = [{ key: "1:7d:10", state: "sent" }];
    for (const day of ["2024-06-24", "2024-06-25", "2024-06-26"]) expect(leadOn(action, day, {}, ledger)).toBeNull();
    expect(leadOn(action, "2024-06-27", {}, ledger)).toBe("1d");
  });

  it("a sent 28d nudge does not hold back 14d", () => {
    const action = makeAction({ due: dayDue("2024-06-28") });
    expect(leadOn(action, "2024-06-14", {}, [{ key: "1:28d:10", state: "sent" }])).toBe("14d");
  });

  it("a bot down for two overdue weeks sends only the latest overdue nudge", () => {
    const action = makeAction({ due: dayDue("2024-06-28") });
    expect(leadOn(action, "2024-07-16", {}, [{ key: "1:0d:10", state: "sent" }])).toBe("overdue-3");
  });
});

describe("working days: weekends and bank holidays", () => {
  it.each<[string, string, string | null]>([
    // Due Monday 10 June: the 1-day milestone (Sunday) moves back to Friday 7 June.
    ["2024-06-10", "2024-06-06", "7d"],
    ["2024-06-10", "2024-06-07", "1d"],
    ["2024-06-10", "2024-06-10", "0d"],
    // Due Tuesday 2 April 2024: the 1-day milestone is Easter Monday, moved back past Good Friday to Thursday.
    ["2024-04-02", "2024-03-27", "7d"],
    ["2024-04-02", "2024-03-28", "1d"],
    ["2024-04-02", "2024-04-02", "0d"],
    // Due Saturday 29 June: 1d and 0d both fall on Friday; the smaller (later) milestone wins.
    ["2024-06-29", "2024-06-28", "0d"],
    ["2024-06-29", "2024-07-01", "overdue-1"],
  ])("due %s, on %s → %s", (due, date, expected) => {
    expect(leadOn(makeAction({ due: dayDue(due) }), date)).toBe(expected);
  });

  it.each([
    ["2024-06-08", "Saturday"],
    ["2024-06-09", "Sunday"],
    ["2024-08-26", "Summer bank holiday"],
    ["2024-03-29", "Good Friday"],
  ])("sends nothing at all on %s (%s)", (date) => {
    const actions = [makeAction({ id: 1, due: dayDue("2024-06-10") }), makeAction({ id: 2, due: dayDue("2024-01-10") })];
    expect(run(actions, bst(date))).toEqual({ nudges: [], digests: [] });
  });

  it("sends on weekends, without moving milestones, when workingDaysOnly is off", () => {
    const action = makeAction({ due: dayDue("2024-06-10") });
    expect(leadOn(action, "2024-06-07", { workingDaysOnly: false })).toBe("7d");
    expect(leadOn(action, "2024-06-08", { workingDaysOnly: false })).toBe("7d");
    expect(leadOn(action, "2024-06-09", { workingDaysOnly: false })).toBe("1d");
    expect(leadOn(action, "2024-06-11", { workingDaysOnly: false })).toBe("overdue-1");
  });

  it("uses the policy's holiday list, not a built-in one", () => {
    const action = makeAction({ due: dayDue("2024-06-10") });
    expect(leadOn(action, "2024-06-07", { bankHolidays: ["2024-06-07"] })).toBeNull(); // a local closure day
    expect(leadOn(action, "2024-06-06", { bankHolidays: ["2024-06-07"] })).toBe("1d"); // milestone moved back again
    expect(leadOn(makeAction({ due: dayDue("2024-09-02") }), "2024-08-26", { bankHolidays: [] })).toBe("7d");
  });
});

describe("month precision: due on the last working day of the month", () => {
  it.each<[string, string]>([
    ["2024-03-31", "2024-03-28"], // Sunday 31st, Saturday 30th, Good Friday 29th
    ["2024-06-30", "2024-06-28"],
    ["2024-08-31", "2024-08-30"],
    ["2024-07-31", "2024-07-31"],
    ["2019-03-31", "2019-03-29"],
  ])("%s → %s", (date, effective) => {
    expect(effectiveDueDate(monthDue(date), ENGLAND_AND_WALES_BANK_HOLIDAY_DATES)).toBe(effective);
  });

  it("day precision keeps the date as written, even at a weekend", () => {
    expect(effectiveDueDate(dayDue("2024-03-31"), ENGLAND_AND_WALES_BANK_HOLIDAY_DATES)).toBe("2024-03-31");
    expect(effectiveDueDate(dayDue(null), ENGLAND_AND_WALES_BANK_HOLIDAY_DATES)).toBeNull();
  });

  it.each<[string, string | null, number | null]>([
    ["2024-03-26", "7d", 2], // the 1d milestone is Wednesday 27th: on the 26th it is still 7d
    ["2024-03-27", "1d", 1],
    ["2024-03-28", "0d", 0],
    ["2024-04-02", "overdue-1", -5], // the day after (Good Friday) and Easter Monday are holidays
  ])("'March 2024' on %s → %s", (date, lead, daysLeft) => {
    const action = makeAction({ due: monthDue("2024-03-31") });
    const { nudges } = run([action], bst(date));
    expect(nudges.map((n) => [n.leadTime, n.dueDate, n.daysLeft])).toEqual([[lead, "2024-03-28", daysLeft]]);
  });
});

describe("overdue cadence", () => {
  it.each<[number, string, string | null]>([
    [3, "2024-06-28", "0d"],
    [3, "2024-06-29", "overdue-1"],
    [3, "2024-07-01", "overdue-1"],
    [3, "2024-07-02", "overdue-2"],
    [3, "2024-07-05", "overdue-3"],
    [1, "2024-07-05", "overdue-7"],
    [14, "2024-07-12", "overdue-1"],
    [14, "2024-07-13", "overdue-2"],
  ])("every %i days, on %s → %s (weekends allowed)", (every, date, expected) => {
    const action = makeAction({ due: dayDue("2024-06-28") });
    expect(leadOn(action, date, { overdueEveryDays: every, workingDaysOnly: false })).toBe(expected);
  });

  it("once overdue-k is sent, nothing more until overdue-(k+1)", () => {
    const action = makeAction({ due: dayDue("2024-06-28") });
    const ledger: LedgerRow[] = [{ key: "1:overdue-1:10", state: "sent" }];
    expect(leadOn(action, "2024-07-05", {}, ledger)).toBeNull();
    expect(leadOn(action, "2024-07-08", {}, ledger)).toBe("overdue-2");
  });

  it("an overdue milestone is moved forward, never back before the action is late", () => {
    // Due Thursday 28 March 2024: the day after is Good Friday, then the weekend and Easter Monday.
    const action = makeAction({ due: dayDue("2024-03-28") });
    expect(leadOn(action, "2024-03-28")).toBe("0d");
    expect(leadOn(action, "2024-04-02")).toBe("overdue-1");
    expect(currentMilestone("2024-03-28", "2024-03-28", DEFAULT_REMINDER_POLICY, new Set(ENGLAND_AND_WALES_BANK_HOLIDAY_DATES))?.leadTime).toBe("0d");
  });
});

describe("quiet hours (Europe/London)", () => {
  const action = makeAction({ due: dayDue("2024-06-28") });
  it.each<[string, boolean]>([
    ["2024-06-21T06:59:00Z", false], // 07:59 BST
    ["2024-06-21T07:00:00Z", true], // 08:00 BST
    ["2024-06-21T16:59:00Z", true], // 17:59 BST
    ["2024-06-21T17:00:00Z", false], // 18:00 BST
    ["2024-06-20T23:30:00Z", false], // 00:30 BST
    ["2024-01-12T07:59:00Z", false], // 07:59 GMT
    ["2024-01-12T08:00:00Z", true], // 08:00 GMT
    ["2024-01-12T17:30:00Z", true], // 17:30 GMT = 18:30 would be quiet in BST
    ["2024-01-12T18:00:00Z", false],
  ])("at %s sends: %s", (instant, sends) => {
    const target = instant.startsWith("2024-01") ? makeAction({ due: dayDue("2024-01-19") }) : action;
    expect(run([target], new Date(instant)).nudges.length).toBe(sends ? 1 : 0);
  });

  it.each<[string, string, string, boolean]>([
    ["2024-06-21T11:00:00Z", "12:00", "14:00", true], // 12:00 BST, daytime window
    ["2024-06-21T13:00:00Z", "12:00", "14:00", false],
    ["2024-06-21T11:00:00Z", "09:00", "09:00", false], // equal: no quiet hours
    ["2024-06-21T22:00:00Z", "22:00", "06:00", true], // 23:00 BST
  ])("isQuietTime(%s, %s–%s) = %s", (instant, start, end, quiet) => {
    expect(isQuietTime(new Date(instant), { start, end })).toBe(quiet);
  });
});

describe("actions that are never nudged", () => {
  it.each<[string, Partial<Action>]>([
    ["complete", { status: "complete" }],
    ["closed", { disposition: "closed" }],
    ["ongoing in the new plan", { disposition: "ongoing" }],
    ["developed in the new plan", { disposition: "developed" }],
    ["no due date", { due: dayDue(null) }],
    ["no owner", { ownerId: null }],
    ["snoozed until next week", { snoozedUntil: "2024-06-28T00:00:00Z" }],
    ["snoozed until a date", { snoozedUntil: "2024-06-22" }],
  ])("%s", (_name, overrides) => {
    const now = bst("2024-06-21");
    expect(run([makeAction(overrides)], now).nudges).toEqual([]);
    // The same action without the override is nudged, so the override is what stops it.
    expect(run([makeAction()], now).nudges).toHaveLength(1);
  });

  it.each<[string, Partial<Action>]>([
    ["not started", { status: "not-started" }],
    ["at risk", { status: "at-risk" }],
    // History with no recorded status, still open: the owner is asked for one (the card chooses none for them).
    ["its status is not recorded", { status: "not-recorded" }],
    ["snooze over", { snoozedUntil: "2024-06-21T09:00:00Z" }],
    ["snooze ends exactly now", { snoozedUntil: bst("2024-06-21").toISOString() }],
    ["snoozed until today's date", { snoozedUntil: "2024-06-21" }],
    ["unreadable snooze", { snoozedUntil: "soon" }],
  ])("is nudged when %s", (_name, overrides) => {
    expect(run([makeAction(overrides)], bst("2024-06-21")).nudges).toHaveLength(1);
  });

  it("a snooze ends at London midnight snoozeDays later", () => {
    expect(snoozeUntil(new Date("2024-06-21T15:00:00Z"))).toBe("2024-06-27T23:00:00.000Z");
    expect(snoozeUntil(new Date("2024-01-10T15:00:00Z"), reminderPolicySchema.parse({ snoozeDays: 1 }))).toBe("2024-01-11T00:00:00.000Z");
  });
});

describe("the ledger", () => {
  const action = makeAction({ due: dayDue("2024-06-28") });
  const now = bst("2024-06-21");
  it.each<[LedgerRow["state"], number]>([
    ["sent", 0],
    ["skipped", 0],
    ["pending", 1],
    ["failed", 1],
  ])("a %s entry for the key → %i nudges", (state, count) => {
    expect(run([action], now, { ledger: [{ key: "1:7d:10", state }] }).nudges).toHaveLength(count);
  });

  it("a sent entry for another officer does not stop the new owner's nudge", () => {
    const { nudges } = run([makeAction({ ownerId: 11 })], now, { ledger: [{ key: "1:7d:10", state: "sent" }] });
    expect(nudges.map((n) => n.key)).toEqual(["1:7d:11"]);
  });

  it("a sent entry never comes back, run after run", () => {
    const ledger: LedgerRow[] = [];
    const sent: string[] = [];
    for (let d = 1; d <= 31; d++) {
      for (const date of [`2024-06-${String(d).padStart(2, "0")}`, `2024-07-${String(d).padStart(2, "0")}`]) {
        for (const n of run([action], bst(date), { ledger }).nudges) {
          sent.push(n.key);
          ledger.push({ key: n.key, state: "sent" });
        }
      }
    }
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.sort()).toEqual(["1:0d:10", "1:14d:10", "1:1d:10", "1:28d:10", "1:7d:10", "1:overdue-1:10", "1:overdue-2:10", "1:overdue-3:10", "1:overdue-4:10", "1:overdue-5:10"]);
  });
});

describe("digests", () => {
  const actions = [
    makeAction({ id: 5, ownerId: 20, due: dayDue("2024-06-28") }),
    makeAction({ id: 3, ownerId: 10, due: dayDue("2024-07-05") }),
    makeAction({ id: 4, ownerId: 10, due: dayDue("2024-06-10") }),
    makeAction({ id: 2, ownerId: 10, due: dayDue("2024-06-28") }),
    makeAction({ id: 1, ownerId: 30, due: dayDue("2025-01-01") }), // nothing due yet
  ];
  const now = bst("2024-06-21");

  it("one digest per officer, officers by id, actions by due date then id", () => {
    const { nudges, digests } = run(actions, now);
    expect(digests.map((d) => [d.officerId, d.nudges.map((n) => [n.actionId, n.leadTime])])).toEqual([
      [10, [[4, "overdue-2"], [2, "7d"], [3, "14d"]]],
      [20, [[5, "7d"]]],
    ]);
    expect(nudges).toEqual(digests.flatMap((d) => d.nudges));
  });

  it("is deterministic whatever the input order", () => {
    const forward = run(actions, now);
    const backward = run([...actions].reverse(), now);
    expect(backward).toEqual(forward);
  });

  it("nudges an action listed twice once", () => {
    expect(run([actions[0], actions[0]], now).nudges).toHaveLength(1);
  });
});

describe("keys and wording", () => {
  it("builds the ledger key", () => {
    expect(nudgeKey(42, "7d", 9)).toBe("42:7d:9");
    expect(nudgeKey(42, "overdue-2", 9)).toBe("42:overdue-2:9");
  });

  it.each([
    ["28d", "due in 28 days"],
    ["7d", "due in 7 days"],
    ["1d", "due tomorrow"],
    ["0d", "due today"],
    ["overdue-1", "overdue"],
    ["overdue-3", "overdue (reminder 3)"],
  ])("describeLeadTime(%s) = %s", (label, text) => {
    expect(describeLeadTime(label)).toBe(text);
  });

  it.each(["7", "overdue-0", "overdue-1w", "d7", ""])("rejects lead time %j", (label) => {
    expect(() => parseLeadTime(label)).toThrow(RangeError);
  });

  it.each([
    [0, "due today"],
    [1, "due tomorrow"],
    [4, "due in 4 days"],
    [-1, "1 day overdue"],
    [-10, "10 days overdue"],
  ])("describeDaysLeft(%i) = %s", (days, text) => {
    expect(describeDaysLeft(days)).toBe(text);
  });

  it("a nudge's fields are exactly the documented ones", () => {
    const n: Nudge = run([makeAction()], bst("2024-06-21")).nudges[0];
    expect(Object.keys(n).sort()).toEqual(["actionId", "daysLeft", "dueDate", "key", "leadTime", "officerId"]);
  });
});

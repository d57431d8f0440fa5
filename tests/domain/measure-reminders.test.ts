/**
 * The "value due" rule and EqIA review reminders (src/domain/measure-reminders.ts): when a value is asked for by
 * the indicator's frequency, to whom, once per key, and the keys' shape in the ledger.
 */
import { describe, expect, it } from "vitest";
import type { IndicatorSummary } from "../../src/domain/indicators.ts";
import {
  computeEqiaReviewNudges,
  computeValueNudges,
  eqiaReviewKey,
  reviewsDueAt,
  type ValueDueAction,
  type ValueDueIndicator,
  valueNudgeKey,
  valuesDueAt,
} from "../../src/domain/measure-reminders.ts";

/** 10:00 London on a date (BST or GMT as the date falls). */
const at = (date: string) => new Date(`${date}T${date >= "2023-03-26" && date < "2023-10-29" ? "09" : "10"}:00:00Z`);

const action: ValueDueAction = { id: 7, ownerId: 30, status: "on-track", disposition: "open", snoozedUntil: null };
const summary = (latestPeriod: string): IndicatorSummary => ({ latestPeriod, latestValue: 1, previousPeriod: null, previousValue: null, periods: 1 });
const quarterly: ValueDueIndicator = {
  id: 5,
  actionId: 7,
  ownerId: null,
  unit: "count",
  direction: "higher-is-better",
  frequency: "quarterly",
  baseline: null,
  target: null,
  valuesFrom: "2022-04-01",
  summary: summary("2022-23-Q2"),
};

const run = (date: string, ind: Partial<ValueDueIndicator> = {}, act: Partial<ValueDueAction> = {}, ledger: { key: string; state: "sent" | "pending" | "failed" | "skipped" }[] = []) =>
  computeValueNudges({ indicators: [{ ...quarterly, ...ind }], actions: [{ ...action, ...act }], ledger, now: at(date) });

describe("a value due, by frequency", () => {
  it.each<[string, string, Partial<ValueDueIndicator>, string | null]>([
    // Q3 2022-23 ends Sat 31 Dec 2022; + 14 days = Sat 14 Jan 2023 → due Mon 16 Jan 2023.
    ["not before the grace days have passed", "2023-01-13", {}, null],
    ["on the first working day after them", "2023-01-16", {}, "2022-23-Q3"],
    ["still the same period later in the quarter", "2023-03-20", {}, "2022-23-Q3"],
    ["the newer period once it is due", "2023-04-17", {}, "2022-23-Q4"],
    ["nothing when the period has a value", "2023-01-16", { summary: summary("2022-23-Q3") }, null],
    ["nothing when a later period has a value", "2023-01-16", { summary: summary("2022-23-Q4") }, null],
    ["nothing before values are expected", "2023-01-16", { valuesFrom: "2023-01-01", summary: null }, null],
    ["annual: the financial year, in April", "2023-04-17", { frequency: "annual", summary: summary("2021-22") }, "2022-23"],
    ["annual: not until the year has ended", "2023-03-20", { frequency: "annual", summary: summary("2021-22") }, null],
    ["monthly", "2023-02-14", { frequency: "monthly", valuesFrom: "2022-11-01", summary: summary("2022-11") }, "2023-01"],
  ])("%s (%s)", (_, date, ind, period) => {
    const [n] = run(date, ind);
    expect(n?.period.id ?? null).toBe(period);
  });

  it("lists every period since the last value and keys the nudge like the ledger's others", () => {
    const [n] = run("2023-04-17", { summary: summary("2022-23-Q1") });
    expect(n.missing.map((p) => p.id)).toEqual(["2022-23-Q2", "2022-23-Q3", "2022-23-Q4"]);
    expect(n.key).toBe("7:value-5-2022-23-Q4:30");
    expect(n.key).toBe(valueNudgeKey(7, 5, "2022-23-Q4", 30));
    expect(n.key.split(":")).toHaveLength(3);
    expect(n.dueOn).toBe("2023-04-14");
  });

  it("asks the indicator's owner, else the action's accountable officer, else nobody", () => {
    expect(run("2023-01-16", { ownerId: 44 })[0].officerId).toBe(44);
    expect(run("2023-01-16")[0].officerId).toBe(30);
    expect(run("2023-01-16", {}, { ownerId: null })).toEqual([]);
  });

  it.each<[string, Partial<ValueDueAction>]>([
    ["complete", { status: "complete" }],
    ["closed", { disposition: "closed" }],
    ["moved on into the new plan", { disposition: "ongoing" }],
    ["snoozed", { snoozedUntil: "2023-01-20" }],
  ])("never for an action that is %s", (_, act) => {
    expect(run("2023-01-16", {}, act)).toEqual([]);
  });

  it("is sent once: a key the ledger holds as sent or skipped is not returned, pending and failed are", () => {
    const key = "7:value-5-2022-23-Q3:30";
    expect(run("2023-01-17", {}, {}, [{ key, state: "sent" }])).toEqual([]);
    expect(run("2023-01-17", {}, {}, [{ key, state: "skipped" }])).toEqual([]);
    expect(run("2023-01-17", {}, {}, [{ key, state: "failed" }])).toHaveLength(1);
    expect(run("2023-01-17", {}, {}, [{ key, state: "pending" }])).toHaveLength(1);
  });

  it("keeps quiet at night, at weekends and on bank holidays", () => {
    expect(computeValueNudges({ indicators: [quarterly], actions: [action], ledger: [], now: new Date("2023-01-16T19:30:00Z") })).toEqual([]);
    expect(run("2023-01-21")).toEqual([]); // a Saturday
    expect(run("2023-04-10", { summary: summary("2022-23-Q3") })).toEqual([]); // Easter Monday
  });
});

describe("EqIA review reminders", () => {
  const eqia = { id: 3, reviewDate: "2023-06-30", ownerId: 12 };
  const nudges = (date: string, e: Partial<typeof eqia> = {}, ledger: { key: string; state: "sent" }[] = [], fallback: number | null = 9) =>
    computeEqiaReviewNudges({ eqias: [{ ...eqia, ...e }], ledger, now: at(date), fallbackOfficerId: fallback });

  it.each<[string, string | null]>([
    ["2023-05-31", null],
    ["2023-06-02", "28d"],
    ["2023-06-16", "14d"],
    ["2023-06-23", "7d"],
    ["2023-06-29", "1d"],
    ["2023-06-30", "0d"],
    ["2023-07-03", "overdue-1"],
    ["2023-07-10", "overdue-2"],
  ])("on %s: %s", (date, lead) => {
    expect(nudges(date)[0]?.leadTime ?? null).toBe(lead);
  });

  it("keys by EqIA, review date and milestone; the ledger's ActionRef is the negative EqIA id", () => {
    const [n] = nudges("2023-06-23");
    expect(n).toMatchObject({ key: eqiaReviewKey(3, "2023-06-30", "7d", 12), ledgerRef: -3, officerId: 12, daysLeft: 7 });
    expect(n.key).toBe("eqia-3:review-2023-06-30-7d:12");
    expect(nudges("2023-06-23", {}, [{ key: n.key, state: "sent" }])).toEqual([]);
    // A new review date is a new reminder.
    expect(nudges("2024-06-21", { reviewDate: "2024-06-28" })[0].key).toBe("eqia-3:review-2024-06-28-7d:12");
  });

  it("reminds the equalities lead when the EqIA names no owner, and nobody when there is no review date", () => {
    expect(nudges("2023-06-23", { ownerId: null as unknown as number })[0].officerId).toBe(9);
    expect(nudges("2023-06-23", { ownerId: null as unknown as number }, [], null)).toEqual([]);
    expect(nudges("2023-06-23", { reviewDate: null as unknown as string })).toEqual([]);
  });
});

describe("what a pressed card still lists (any hour)", () => {
  const eqia = { id: 3, reviewDate: "2023-06-30", ownerId: 12 };
  const saturdayEvening = new Date("2023-06-24T19:30:00Z");

  it("the same values and reviews at night and at weekends, when no nudge is sent", () => {
    const values = { indicators: [quarterly], actions: [action], ledger: [], now: saturdayEvening };
    expect(computeValueNudges(values)).toEqual([]);
    expect(valuesDueAt(values).map((n) => n.period.id)).toEqual(["2022-23-Q4"]);
    const reviews = { eqias: [eqia], ledger: [], now: saturdayEvening, fallbackOfficerId: null };
    expect(computeEqiaReviewNudges(reviews)).toEqual([]);
    expect(reviewsDueAt(reviews).map((n) => n.leadTime)).toEqual(["7d"]);
  });

  it("nothing once the period has a value, the action is snoozed, or the review date moved past its reminders", () => {
    const now = saturdayEvening;
    expect(valuesDueAt({ indicators: [{ ...quarterly, summary: summary("2022-23-Q4") }], actions: [action], ledger: [], now })).toEqual([]);
    expect(valuesDueAt({ indicators: [quarterly], actions: [{ ...action, snoozedUntil: "2023-07-01" }], ledger: [], now })).toEqual([]);
    expect(reviewsDueAt({ eqias: [{ ...eqia, reviewDate: "2024-06-28" }], ledger: [], now, fallbackOfficerId: null })).toEqual([]);
  });
});

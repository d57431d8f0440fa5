/** The plan's period: as given, else from the plan's name, else from the document; never guessed between two. */
import { describe, expect, test } from "vitest";
import { choosePeriod, periodsIn } from "../../../src/import/plan/period.ts";

const heading = (text: string) => ({ text, where: "a heading" });

describe("periods in text", () => {
  test("the usual ways of writing a plan's years, and what is not a period", () => {
    expect(periodsIn("Equality Objectives and Action Plan 2023-2027")).toEqual(["2023-2027"]);
    expect(periodsIn("Plan 2023–27, 2023 to 2027 and 2023/27")).toEqual(["2023-2027"]);
    expect(periodsIn("Update 2022-23")).toEqual(["2022-2023"]);
    expect(periodsIn("Reviewed 2024-06-15; call 01622 602000; 2027-2023; 2023-2099")).toEqual([]);
  });
});

describe("choosing the period", () => {
  test("as given, checked", () => {
    expect(choosePeriod("2017-21", "Plan 2023-2027", []).period).toEqual({ value: "2017-2021", source: "given", where: "as given" });
    expect(choosePeriod("2027-2023", "Plan", []).problems[0].message).toMatch(/ends \(2023\) before it starts/);
  });

  test("from the plan's name; a document that says otherwise is noted", () => {
    const r = choosePeriod(undefined, "Equality Objectives and Action Plan 2023-2027", [heading("Our Objectives 2017-2021")]);
    expect(r.period).toEqual({ value: "2023-2027", source: "plan-name", where: "the plan's name" });
    expect(r.notes).toEqual(['The document names 2017-2021 in a heading ("Our Objectives 2017-2021"); the period 2023-2027 is taken from the plan\'s name.']);
    expect(choosePeriod(undefined, "Plan 2019-2023 and 2023-2027", []).problems[0].message).toMatch(/more than one period \(2019-2023, 2023-2027\)/);
  });

  test("from the document, saying where", () => {
    const r = choosePeriod("", "Equality plan", [{ text: "Maidstone Borough Council", where: "the document's opening lines" }, heading("Our Equalities Policy and Objectives 2017-2021")]);
    expect(r.period).toEqual({ value: "2017-2021", source: "document", where: 'a heading ("Our Equalities Policy and Objectives 2017-2021")' });
    expect(r.problems).toEqual([]);
  });

  test("a clear error when nothing names it, or the document names two", () => {
    expect(choosePeriod(undefined, "Equality plan", []).problems[0].message).toBe(
      "No period was given, and neither the plan's name nor the document's title, headings or opening lines name the plan's years (such as 2023-2027). Give the period (--period 2023-2027).",
    );
    expect(choosePeriod(undefined, "Equality plan", [heading("Plan 2023-2027"), heading("Progress in 2023-24")]).problems[0].message).toBe(
      'The document names more than one period: 2023-2027 in a heading ("Plan 2023-2027") and 2023-2024 in a heading ("Progress in 2023-24"). Give the period (--period 2023-2027).',
    );
  });
});

import { describe, expect, it } from "vitest";
import { DISPOSITIONS } from "../../src/domain/constants";
import { carriedAction, nextPeriod, type RolloverFate, rolloverFate } from "../../src/domain/rollover";

describe("the rollover rule", () => {
  it.each<[string, RolloverFate]>([
    ["ongoing", "carried"],
    ["developed", "carried"],
    ["open", "closed"],
    ["closed", "already-settled"],
    // A value typed into SharePoint's own list UI is not one of ours: left alone, never carried.
    ["Ongoing", "already-settled"],
    ["", "already-settled"],
  ])("disposition %j → %s", (disposition, fate) => {
    expect(rolloverFate(disposition)).toBe(fate);
  });

  it("decides every disposition", () => {
    expect(DISPOSITIONS.map(rolloverFate)).toEqual(["closed", "already-settled", "carried", "carried"]);
  });

  it.each([
    ["2017-2021", "2021-2025"],
    ["2023-2027", "2027-2031"],
    ["2023", ""],
    ["", ""],
    ["2023-soon", ""],
  ])("next period after %j is %j", (period, next) => {
    expect(nextPeriod(period)).toBe(next);
  });

  it.each([
    ["complete", "on-track"],
    ["at-risk", "at-risk"],
    ["not-started", "not-started"],
  ])("a carried action with status %s starts the new plan %s, open, linked, without history", (status, expected) => {
    const old = { reference: "SP-3", disposition: "ongoing", status, updates: [{ text: "old news" }], text: "Keep it going" };
    expect(carriedAction(old)).toEqual({ reference: "SP-3", carriedFromReference: "SP-3", disposition: "open", status: expected, updates: [], text: "Keep it going" });
    expect(old.updates).toHaveLength(1);
  });
});

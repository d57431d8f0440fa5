import { describe, expect, it } from "vitest";
import { REVIEW_DECISIONS } from "../../src/domain/constants";
import { type DecisionEffect, decisionEffect } from "../../src/domain/review-decision";
import type { ReviewDecision } from "../../src/domain/types";

describe("what a review decision does to the action", () => {
  it.each<[ReviewDecision, DecisionEffect]>([
    ["on-track", { status: "on-track", disposition: "open" }],
    ["at-risk", { status: "at-risk", disposition: "open" }],
    // Settling decisions keep the status the officer last reported: the committee report shows both.
    ["closed", { disposition: "closed" }],
    ["ongoing", { disposition: "ongoing" }],
    ["developed", { disposition: "developed" }],
  ])("%s → %o", (decision, effect) => {
    expect(decisionEffect(decision)).toEqual(effect);
  });

  it("has an effect for every decision the EDI group can record", () => {
    for (const d of REVIEW_DECISIONS) expect(decisionEffect(d), d).toBeDefined();
  });
});

/** Answer cards are pure: they say what happened and quote people's text as text. */
import { describe, expect, it } from "vitest";
import { buildAnswerCard } from "../../../src/bot/cards/answer-card.ts";
import { allText } from "../../helpers/bot-harness.ts";

describe("answer card", () => {
  it("answer cards quote text as text", () => {
    const card = buildAnswerCard("refused", ["Only responsible officers."], ["<b>x</b>"]);
    expect(allText(card)).toContain("Only responsible officers.");
    expect(allText(card)).toContain("<b>x</b>");
  });
});

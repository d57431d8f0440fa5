/** The "who is not being reminded" card is pure. */
import { describe, expect, it } from "vitest";
import { buildUnreachableCard } from "../../../src/bot/cards/unreachable-card.ts";
import { allText } from "../../helpers/bot-harness.ts";

describe("unreachable card", () => {
  it("the unreachable list names people and why", () => {
    const text = allText(buildUnreachableCard([{ name: "Dan", upn: "dan@example.org", unreachableReason: "Blocked" }]));
    expect(text).toContain("dan@example.org: Blocked");
    expect(allText(buildUnreachableCard([]))).toContain("Everyone who has the app can be reached.");
  });

  it("says apart who blocked the bot and who installation or the directory found unreachable, each with what to do", () => {
    const text = allText(
      buildUnreachableCard([
        { name: "Dan", upn: "dan@example.org", unreachableReason: "Blocked or removed the bot", problem: "bot-blocked" },
        { name: "Priya", upn: "priya@example.org", unreachableReason: "they have no Teams licence: assign one", problem: "no-licence" },
        { name: "Neil", upn: "neil@example.org", unreachableReason: "their account is disabled: reassign their actions", problem: "disabled" },
      ]),
    );
    expect(text).toContain("1 person(s) blocked or removed the bot");
    expect(text).toContain("2 person(s) cannot be reached in Teams");
    expect(text).toContain("priya@example.org: they have no Teams licence: assign one");
    expect(text).toContain("neil@example.org: their account is disabled: reassign their actions");
  });
});

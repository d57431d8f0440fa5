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
});

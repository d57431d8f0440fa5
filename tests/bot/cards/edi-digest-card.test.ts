/** The EDI channel digest card is pure. */
import { describe, expect, it } from "vitest";
import { buildEdiDigestCard } from "../../../src/bot/cards/edi-digest-card.ts";
import { allText, sampleAction } from "../../helpers/bot-harness.ts";

const action = sampleAction;

describe("EDI digest card", () => {
  it("the EDI digest links to the review view and caps long sections", () => {
    const row = (id: number) => ({ ...action(id), ownerName: "Sam" });
    const card = buildEdiDigestCard({
      today: "2026-11-24",
      overdue: Array.from({ length: 20 }, (_, i) => row(i + 1)),
      dueThisMonth: [],
      updatedSince: [row(30)],
      since: "2026-11-17",
      links: { appBaseUrl: "https://eap.example.org" },
    });
    const text = allText(card);
    expect(text).toContain("Overdue (20)");
    expect(text).toContain("…and 5 more in the review view.");
    expect(text).toContain("Due this month (0)");
    expect(text).toContain("Updated since 17 November 2026 (1)");
    expect(JSON.stringify(card)).toContain("https://eap.example.org/#/review");
  });
});

/**
 * The one helper for people's text (`said`) and the guarantee it gives every card: whatever people wrote never
 * reaches a part of a card where Teams renders markdown or mentions.
 */
import { describe, expect, it } from "vitest";
import { buildAnswerCard } from "../../../src/bot/cards/answer-card.ts";
import { line, said } from "../../../src/bot/cards/common.ts";
import { buildDigestCard } from "../../../src/bot/cards/digest-card.ts";
import { buildEdiDigestCard } from "../../../src/bot/cards/edi-digest-card.ts";
import { buildUnreachableCard } from "../../../src/bot/cards/unreachable-card.ts";
import { DEFAULT_REMINDER_POLICY } from "../../../src/domain/reminder-policy.ts";
import { markdownText } from "../../helpers/bot-harness.ts";

const EVIL = "[Sign in again](https://evil.example) <at>Sam</at> **x**";

describe("said", () => {
  it("keeps the text as written, cut to its length, with any <at> tag broken", () => {
    expect(said("  a [b](c)  ")).toEqual({ type: "TextRun", text: "a [b](c)" });
    expect(said("x".repeat(10), 5).text).toBe("xxxx…");
    expect(said("<at>Sam</at> and <AT id='1'>Jo</AT>, <attach>").text).toBe("<\u200Bat>Sam<\u200B/at> and <\u200BAT id='1'>Jo<\u200B/AT>, <attach>");
    expect(line(["Hello ", said(EVIL)])).toMatchObject({ type: "RichTextBlock", inlines: [{ type: "TextRun", text: "Hello " }, { type: "TextRun" }] });
  });

  it("is how every card takes people's text: none of it reaches a markdown surface", () => {
    const action = {
      id: 1,
      reference: EVIL,
      text: EVIL,
      due: { date: null, precision: "day" as const, kind: "deliver-by" as const, text: EVIL },
      status: "on-track" as const,
      disposition: "open" as const,
      lastUpdateAt: "2026-11-21T09:00:00Z",
      lastUpdateSummary: EVIL,
      snoozedUntil: null,
    };
    const cards = [
      buildDigestCard({
        officerName: EVIL,
        officerId: 7,
        actions: [action],
        now: new Date("2026-11-24T10:00:00Z"),
        links: { appBaseUrl: "https://eap.example.org" },
        refreshObjectIds: [],
        bankHolidays: DEFAULT_REMINDER_POLICY.bankHolidays,
        notice: { parts: ["Saved for ", said(EVIL)], tone: "good" },
      }),
      buildAnswerCard("refused", ["Our words."], [EVIL]),
      buildUnreachableCard([{ name: EVIL, upn: EVIL, unreachableReason: EVIL }], [EVIL]),
      buildEdiDigestCard({
        today: "2026-11-24",
        overdue: [{ ...action, ownerName: EVIL }],
        dueThisMonth: [{ ...action, ownerName: EVIL }],
        updatedSince: [{ ...action, ownerName: EVIL }],
        since: "2026-11-17",
        links: { appBaseUrl: "https://eap.example.org" },
      }),
    ];
    for (const c of cards) {
      expect(JSON.stringify(c)).toContain("Sign in again");
      expect(markdownText(c)).not.toMatch(/evil|Sam|\*\*/);
      expect(JSON.stringify(c)).not.toMatch(/<at>/i);
    }
  });
});

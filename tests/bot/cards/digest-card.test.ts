/** The digest card is pure: parse its JSON and check what people will see and press. */
import { describe, expect, it } from "vitest";
import { CARD_BYTES_BUDGET, cardBytes, VERBS } from "../../../src/bot/cards/common.ts";
import { buildDigestCard, type DigestAction } from "../../../src/bot/cards/digest-card.ts";
import { DEFAULT_REMINDER_POLICY } from "../../../src/domain/reminder-policy.ts";
import { allText, executeActions, markdownText } from "../../helpers/bot-harness.ts";

const NOW = new Date("2026-11-24T10:00:00Z");
const action = (id: number, over: Partial<DigestAction> = {}): DigestAction => ({
  id,
  reference: `CL-${id}`,
  text: `Run engagement event ${id}`,
  due: { date: "2026-11-20", precision: "day", kind: "deliver-by", text: "" },
  status: "on-track",
  disposition: "open",
  lastUpdateAt: "2026-11-21T09:00:00Z",
  lastUpdateSummary: "Venue booked",
  snoozedUntil: null,
  etag: `"${id}"`,
  ...over,
});
const digest = (actions: DigestAction[], extra = {}) =>
  JSON.parse(
    JSON.stringify(
      buildDigestCard({ officerName: "Sam", actions, now: NOW, links: { appBaseUrl: "https://eap.example.org/" }, refreshObjectIds: ["oid-1"], bankHolidays: DEFAULT_REMINDER_POLICY.bankHolidays, ...extra }),
    ),
  );

describe("digest card", () => {
  it("is an Adaptive Card 1.5 with the five actions per item and a refresh for the officer", () => {
    const card = digest([action(1), action(2, { due: { date: "2026-12-01", precision: "day", kind: "deliver-by", text: "" } })]);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    expect(card.refresh.userIds).toEqual(["8:orgid:oid-1"]);
    expect(card.refresh.action).toMatchObject({ type: "Action.Execute", verb: VERBS.refresh });
    const verbs = executeActions(card).filter((a) => a.data.actionId === 1).map((a) => a.verb);
    expect(verbs.sort()).toEqual([VERBS.addUpdate, VERBS.complete, VERBS.proposeDate, VERBS.snooze].sort());
    expect(executeActions(card).find((a) => a.data.actionId === 2)?.data).toMatchObject({ digest: [1, 2], seen: { status: "on-track", due: "2026-12-01" } });
    const urls = JSON.stringify(card).match(/https:\/\/eap\.example\.org\/#\/actions\/\d+/g);
    expect(urls).toEqual(["https://eap.example.org/#/actions/1", "https://eap.example.org/#/actions/2"]);
  });

  it("says in words how late or close each action is and how old its last update is", () => {
    const text = allText(digest([action(1), action(2, { due: { date: "2026-12-01", precision: "day", kind: "deliver-by", text: "" }, lastUpdateAt: null, lastUpdateSummary: null })]));
    expect(text).toContain("Due: 20 November 2026 (4 days overdue)");
    expect(text).toContain("Status: On track, overdue");
    expect(text).toContain("Last update: 3 days ago: Venue booked");
    expect(text).toContain("Due: 1 December 2026 (due in 7 days)");
    expect(text).toContain("Last update: No update yet");
    expect(text).toContain("You have 1 overdue, 1 due soon.");
  });

  it("uses a Teams deep link when the app id is known", () => {
    const card = digest([action(7)], { links: { appBaseUrl: "https://x", teamsAppId: "app-guid" } });
    expect(JSON.stringify(card)).toContain("https://teams.microsoft.com/l/entity/app-guid/my-actions?context=");
  });

  it("shows people's text as written: markdown, HTML and mentions are never interpreted", () => {
    const hostile = "**Bold** <script>alert(1)</script> [link](http://evil) <at>Sam</at>";
    const card = digest([action(3, { text: hostile, reference: "[ref](http://evil)", lastUpdateSummary: "- item\n1. first" })], { officerName: "[Sam](http://evil)" });
    expect(allText(card)).toContain("**Bold** <script>alert(1)</script> [link](http://evil) <\u200Bat>Sam<\u200B/at>");
    expect(allText(card)).toContain("[ref](http://evil)");
    expect(allText(card)).toContain("Hello [Sam](http://evil).");
    expect(markdownText(card)).not.toMatch(/evil|Bold|item/);
  });

  it("stays under Teams' message size by listing the rest in the tab", () => {
    const many = Array.from({ length: 200 }, (_, i) => action(i + 1, { text: "x".repeat(380) }));
    const card = digest(many);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTES_BUDGET);
    expect(allText(card)).toMatch(/…and \d+ more\. Open the tab to see them all\./);
  });

  it("offers no buttons but Open for a completed action", () => {
    const card = digest([action(4, { status: "complete" })]);
    expect(executeActions(card)).toHaveLength(0);
    expect(allText(card)).toContain("This action is complete.");
  });

  it("labels every input for screen readers", () => {
    const inputs: Array<Record<string, unknown>> = [];
    const walk = (n: unknown) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === "object") {
        const o = n as Record<string, unknown>;
        if (String(o.type).startsWith("Input.")) inputs.push(o);
        Object.values(o).forEach(walk);
      }
    };
    walk(digest([action(5)]));
    expect(inputs.length).toBe(4);
    for (const i of inputs) expect(typeof i.label === "string" && (i.label as string).length > 0).toBe(true);
  });
});

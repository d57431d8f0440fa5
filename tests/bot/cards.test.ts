/** The card builders are pure: parse their JSON and check what people will see and press. */
import { describe, expect, it } from "vitest";
import { buildAnswerCard } from "../../src/bot/cards/answer-card.ts";
import { CARD_BYTES_BUDGET, cardBytes, plain, VERBS } from "../../src/bot/cards/common.ts";
import { buildDigestCard, type DigestAction } from "../../src/bot/cards/digest-card.ts";
import { buildEdiDigestCard } from "../../src/bot/cards/edi-digest-card.ts";
import { buildUnreachableCard } from "../../src/bot/cards/unreachable-card.ts";
import { DEFAULT_REMINDER_POLICY } from "../../src/domain/reminder-policy.ts";
import { allText, executeActions } from "./harness.ts";

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
    expect(executeActions(card).find((a) => a.data.actionId === 2)?.data).toMatchObject({ etag: '"2"', digest: [1, 2] });
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

  it("asks for a status where none was recorded, and never preselects or offers 'not recorded'", () => {
    const card = digest([action(1), action(2, { status: "not-recorded" })]);
    const text = allText(card);
    expect(text).toContain("Status: Not recorded: choose one when you add an update");
    expect(text).not.toContain("Not recorded, overdue");
    const inputs: Record<string, unknown>[] = [];
    const walk = (e: unknown): void => {
      if (Array.isArray(e)) e.forEach(walk);
      else if (e && typeof e === "object") {
        if ((e as { type?: string }).type === "Input.ChoiceSet") inputs.push(e as Record<string, unknown>);
        Object.values(e).forEach(walk);
      }
    };
    walk(card);
    const find = (id: number) => inputs.find((i) => i.id === `status-${id}`) as Record<string, unknown>;
    for (const i of inputs) expect(JSON.stringify(i.choices)).not.toContain("not-recorded");
    expect(find(1).value).toBe("on-track");
    expect(find(2).value).toBeUndefined();
    expect(find(2).isRequired).toBe(true);
  });

  it("uses a Teams deep link when the app id is known", () => {
    const card = digest([action(7)], { links: { appBaseUrl: "https://x", teamsAppId: "app-guid" } });
    expect(JSON.stringify(card)).toContain("https://teams.microsoft.com/l/entity/app-guid/my-actions?context=");
  });

  it("shows people's text as text: markdown and HTML are neutralised, never interpreted", () => {
    const card = digest([action(3, { text: "**Bold** <script>alert(1)</script> [link](http://evil)" })]);
    const text = allText(card);
    expect(text).toContain("\\*\\*Bold\\*\\* <script>alert(1)</script> \\[link\\](http://evil)");
    expect(plain("- item\n1. first")).toBe("\\- item\n1\\. first");
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

describe("other cards", () => {
  it("answer cards quote text as text", () => {
    const card = buildAnswerCard("refused", ["Only responsible officers."], ["<b>x</b>"]);
    expect(allText(card)).toContain("Only responsible officers.");
    expect(allText(card)).toContain("<b>x</b>");
  });

  it("the unreachable list names people and why", () => {
    const text = allText(buildUnreachableCard([{ name: "Dan", upn: "dan@example.org", unreachableReason: "Blocked" }]));
    expect(text).toContain("dan@example.org: Blocked");
    expect(allText(buildUnreachableCard([]))).toContain("Everyone who has the app can be reached.");
  });

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

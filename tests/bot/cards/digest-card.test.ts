/** The digest card is pure: parse its JSON and check what people will see and press. */
import { describe, expect, it } from "vitest";
import { CARD_UTF16_BUDGET_BYTES, utf16Bytes, VERBS } from "../../../src/bot/cards/common.ts";
import { buildDigestCard, type DigestAction, MAX_ACTIONS } from "../../../src/bot/cards/digest-card.ts";
import { DEFAULT_REMINDER_POLICY } from "../../../src/domain/reminder-policy.ts";
import { allText, executeActions, markdownText, elementsOf, sampleAction } from "../../helpers/bot-harness.ts";

const NOW = new Date("2026-11-24T10:00:00Z");
const due = (date: string) => ({ date, precision: "day" as const, kind: "deliver-by" as const, text: "" });
const action = sampleAction;
const digest = (actions: DigestAction[], extra = {}) =>
  JSON.parse(
    JSON.stringify(
      buildDigestCard({
        officerName: "Sam",
        officerId: 42,
        actions,
        now: NOW,
        links: { appBaseUrl: "https://eap.example.org/" },
        refreshObjectIds: ["oid-1"],
        bankHolidays: DEFAULT_REMINDER_POLICY.bankHolidays,
        ...extra,
      }),
    ),
  );

/** Every element of a type anywhere in a card. */
const all = (card: unknown, type: string) => elementsOf(card, (o) => o.type === type);

describe("digest card", () => {
  it("is an Adaptive Card 1.5 with one Update… per action whose form saves, proposes a date or snoozes, and a refresh for the officer", () => {
    const card = digest([action(1), action(2, { due: due("2026-12-01") })]);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    expect(card.refresh.userIds).toEqual(["8:orgid:oid-1"]);
    expect(card.refresh.action).toMatchObject({ type: "Action.Execute", verb: VERBS.refresh, data: { v: 1, officer: 42 } });
    // Visible buttons: one Update… per action (and Open), the rest inside its form.
    const sets = all(card, "ActionSet").map((s) => (s.actions as Array<{ type: string; title: string }>).map((a) => `${a.type}:${a.title}`));
    expect(sets).toEqual([
      ["Action.ShowCard:Update CL-1…", "Action.OpenUrl:Open in the tab"],
      ["Action.ShowCard:Update CL-2…", "Action.OpenUrl:Open in the tab"],
    ]);
    const verbs = executeActions(card).filter((a) => a.data.actionId === 1).map((a) => a.verb);
    expect(verbs).toEqual([VERBS.addUpdate, VERBS.proposeDate, VERBS.snooze]);
    expect(executeActions(card).find((a) => a.data.actionId === 2)?.data).toEqual({ v: 1, actionId: 2, officer: 42, seen: { status: "on-track", due: "2026-12-01", lastUpdateAt: "2026-11-21T09:00:00Z" } });
    const urls = JSON.stringify(card).match(/https:\/\/eap\.example\.org\/#\/actions\/\d+/g);
    expect(urls).toEqual(["https://eap.example.org/#/actions/1", "https://eap.example.org/#/actions/2"]);
  });

  it("says the status and the due state apart, in words, and how old the last update is", () => {
    const text = allText(digest([action(1), action(2, { due: due("2026-12-01"), lastUpdateAt: null, lastUpdateSummary: null })]));
    expect(text).toContain("Status: On track · Due: 20 November 2026, 4 days overdue");
    expect(text).not.toMatch(/On track, overdue/);
    expect(text).toContain("Last update: 3 days ago: Venue booked");
    expect(text).toContain("Status: On track · Due: 1 December 2026, due in 7 days");
    expect(text).toContain("Last update: none yet");
    expect(text).toContain("You have 1 overdue and 1 due soon.");
  });

  it("asks for a status where none was recorded, never preselects or offers 'not recorded', and does not call it late", () => {
    const card = digest([action(1), action(2, { status: "not-recorded" })]);
    const text = allText(card);
    expect(text).toContain("Status: Not recorded: choose one when you add an update · Due: 20 November 2026, 4 days ago");
    expect(text).toContain("You have 1 overdue and 1 due soon.");
    const choices = all(card, "Input.ChoiceSet");
    for (const c of choices) expect(JSON.stringify(c.choices)).not.toContain("not-recorded");
    const find = (id: number) => choices.find((c) => c.id === `status-${id}`) as Record<string, unknown>;
    expect(find(1).value).toBe("on-track");
    expect(find(2).value).toBeUndefined();
    expect(find(2).placeholder).toBe("Choose a status");
  });

  it("lists the most urgent first", () => {
    const card = digest([action(1, { due: due("2026-12-20") }), action(2, { due: due("2026-10-01") }), action(3, { due: due("2026-11-25") })]);
    expect([...new Set(executeActions(card).map((a) => a.data.actionId))]).toEqual([2, 3, 1]);
  });

  it("stays short and far under Teams' message size for an officer with 20 actions due, saying how many more are in the tab", () => {
    const long = "x".repeat(380);
    const many = Array.from({ length: 20 }, (_, i) => action(i + 1, { reference: `SP-${i + 1}-longer-ref`, text: long, lastUpdateSummary: "y".repeat(250) }));
    const card = digest(many, { links: { appBaseUrl: "https://eap.example.org", teamsAppId: "8f4a2b1c-0000-4000-8000-000000000001" } });
    expect(utf16Bytes(card)).toBeLessThanOrEqual(CARD_UTF16_BUDGET_BYTES);
    expect(all(card, "Action.ShowCard")).toHaveLength(MAX_ACTIONS);
    expect(allText(card)).toContain(`…and ${20 - MAX_ACTIONS} more in the tab: Open my actions.`);
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

  it("offers no form for a completed action, only Open", () => {
    const card = digest([action(4, { status: "complete" })]);
    expect(executeActions(card)).toHaveLength(0);
    expect(allText(card)).toContain("This action is complete.");
  });

  it("labels every input for screen readers, and no input blocks another button of the form", () => {
    const inputs = ["Input.Text", "Input.ChoiceSet", "Input.Date"].flatMap((t) => all(digest([action(5)]), t));
    expect(inputs.map((i) => i.id).sort()).toEqual(["date-5", "reason-5", "status-5", "text-5"]);
    for (const i of inputs) {
      expect(typeof i.label === "string" && (i.label as string).length > 0).toBe(true);
      expect(i.isRequired).toBeUndefined();
    }
  });
});

/**
 * People's text is shown as written in every card, never as markdown. Attack: an officer wrote
 * `[Sign in again](https://evil.example)` as an update and as an action reference; the update, quoted by the
 * conflict notice, and the reference arrived as live links in someone else's card.
 */
import { describe, expect, it } from "vitest";
import { getAction, list } from "../../../src/data/index.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import {
  allText,
  cardOf,
  conversationOf,
  executeActions,
  invokeActivity,
  markdownText,
  NOW,
  stackPerFile, appSpOf,
} from "../../helpers/bot-harness.ts";

const LINK = "[Sign in again](https://evil.example)";
const stack = stackPerFile();

const lead = () => appSpOf(stack.site);
const invoke = async (email: string, verb: string, data: Record<string, unknown>) =>
  ((await stack.bot.post(invokeActivity(email, stack.capture, verb, data))).body as { value: Record<string, unknown> }).value;

describe("markdown in people's text", () => {
  it("an action reference with a link reaches its officer's digest as text, not as a live link", async () => {
    const report = await stack.bot.runtime.runReminders({ now: NOW, dryRun: true });
    const hannah = report.digests.find((d) => d.upn === SEED_UPNS.communications);
    const id = hannah?.actionIds[0] as number;
    await list(lead(), "actions").items.getById(id).update({ Reference: LINK, ActionText: `<at>Sam Kowalski</at> please ${LINK}` });
    await stack.bot.runtime.runReminders({ now: NOW });
    const card = cardOf(stack.capture.sentTo(conversationOf(SEED_UPNS.communications))[0].activity);
    expect(JSON.stringify(card)).toContain("Sign in again");
    expect(markdownText(card)).not.toContain("evil.example");
    // A mention written by a person is not a mention: the <at> tag is broken, the name kept.
    expect(JSON.stringify(card)).toContain("<\u200Bat>Sam Kowalski<\u200B/at> please");
    expect(JSON.stringify(card)).not.toMatch(/<at>/i);
  });

  it("an update with a link, quoted by the conflict notice on someone else's card, is text, not a live link", async () => {
    const hannahCard = cardOf(stack.capture.sentTo(conversationOf(SEED_UPNS.communications))[0].activity);
    const b = executeActions(hannahCard).find((x) => x.verb === "eap.addUpdate");
    if (!b) throw new Error("no Add update button");
    const id = Number(b.data.actionId);
    // The officer saves an update whose text is a link (a person's own text, saved as written).
    const saved = await invoke(SEED_UPNS.communications, b.verb, { ...b.data, [`text-${id}`]: LINK, [`status-${id}`]: "on-track" });
    expect(allText(saved)).toContain("Update saved.");
    expect((await getAction(lead(), id)).lastUpdateSummary).toBe(LINK);
    // The equalities lead presses on the same (now stale) card: the conflict notice quotes the update.
    const card = await invoke(SEED_UPNS.equalitiesLead, b.verb, { ...b.data, [`text-${id}`]: "Chasing", [`status-${id}`]: "at-risk" });
    expect(JSON.stringify(card)).toContain("Sign in again");
    expect(JSON.stringify(card)).toMatch(/Nothing was saved/);
    expect(markdownText(card)).not.toContain("evil.example");
  });
});

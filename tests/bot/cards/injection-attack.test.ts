/**
 * People's text is shown as written in every card, never as markdown. Attack: an officer wrote
 * `[Sign in again](https://evil.example)` as an update and as an action reference; the update, quoted by the
 * conflict notice, and the reference arrived as live links in someone else's card.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAction, list } from "../../../src/data/index.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import type { CaptureServer } from "../../helpers/capture-server.ts";
import {
  allText,
  type BotUnderTest,
  cardOf,
  conversationOf,
  executeActions,
  installEveryone,
  invokeActivity,
  markdownText,
  NOW,
  type Site,
  startBot,
  startCaptureServer,
  startSite,
} from "../../helpers/bot-harness.ts";

const LINK = "[Sign in again](https://evil.example)";
let site: Site;
let capture: CaptureServer;
let bot: BotUnderTest;

beforeAll(async () => {
  site = await startSite();
  capture = await startCaptureServer();
  bot = await startBot(site, capture);
  await installEveryone(bot, capture);
}, 60_000);
afterAll(async () => {
  await bot?.close();
  await capture?.close();
  await site?.close();
});

const lead = () => site.spAs(SEED_UPNS.equalitiesLead);
const invoke = async (email: string, verb: string, data: Record<string, unknown>) =>
  ((await bot.post(invokeActivity(email, capture, verb, data))).body as { value: Record<string, unknown> }).value;

describe("markdown in people's text", () => {
  it("an action reference with a link reaches its officer's digest as text, not as a live link", async () => {
    const report = await bot.runtime.runReminders({ now: NOW, dryRun: true });
    const hannah = report.digests.find((d) => d.upn === SEED_UPNS.communications);
    const id = hannah?.actionIds[0] as number;
    await list(lead(), "actions").items.getById(id).update({ Reference: LINK, ActionText: `<at>Sam Kowalski</at> please ${LINK}` });
    await bot.runtime.runReminders({ now: NOW });
    const card = cardOf(capture.sentTo(conversationOf(SEED_UPNS.communications))[0].activity);
    expect(JSON.stringify(card)).toContain("Sign in again");
    expect(markdownText(card)).not.toContain("evil.example");
    // A mention written by a person is not a mention: the <at> tag is broken, the name kept.
    expect(JSON.stringify(card)).toContain("<\u200Bat>Sam Kowalski<\u200B/at> please");
    expect(JSON.stringify(card)).not.toMatch(/<at>/i);
  });

  it("an update with a link, quoted by the conflict notice on someone else's card, is text, not a live link", async () => {
    const hannahCard = cardOf(capture.sentTo(conversationOf(SEED_UPNS.communications))[0].activity);
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

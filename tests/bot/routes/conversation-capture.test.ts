/** Conversation references: saved on install and messages, kept one per person, unreachable after removal. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConversations } from "../../../src/data/conversations/index.ts";
import { createSp, DevTokenAuth } from "../../../src/data/index.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import type { CaptureServer } from "../../helpers/capture-server.ts";
import {
  allText,
  type BotUnderTest,
  BOT_IDENTITY,
  cardOf,
  conversationOf,
  installActivity,
  installEveryone,
  messageActivity,
  oidOf,
  SEED_PEOPLE,
  type Site,
  startBot,
  startCaptureServer,
  startSite,
} from "../../helpers/bot-harness.ts";

let site: Site;
let capture: CaptureServer;
let bot: BotUnderTest;

beforeAll(async () => {
  site = await startSite();
  capture = await startCaptureServer();
  bot = await startBot(site, capture);
}, 60_000);
afterAll(async () => {
  await bot?.close();
  await capture?.close();
  await site?.close();
});

const botSp = () => createSp(site.siteUrl, DevTokenAuth(BOT_IDENTITY));

describe("conversation capture", () => {
  it("saves each person's conversation reference on install, with the UPN from Teams' member API", async () => {
    await installEveryone(bot, capture);
    const refs = await getConversations(botSp());
    expect(refs).toHaveLength(SEED_PEOPLE.length);
    const sam = refs.find((r) => r.upn === SEED_UPNS.equalitiesLead);
    expect(sam).toMatchObject({ userId: oidOf(SEED_UPNS.equalitiesLead), conversationId: conversationOf(SEED_UPNS.equalitiesLead), serviceUrl: capture.serviceUrl, unreachable: false });
  });

  it("does not duplicate a reference when the person installs again", async () => {
    await installEveryone(bot, capture, [SEED_UPNS.housing]);
    const refs = await getConversations(botSp());
    expect(refs.filter((r) => r.upn === SEED_UPNS.housing)).toHaveLength(1);
  });

  it("uninstalling marks the person unreachable; writing to the bot again makes them reachable", async () => {
    const who = SEED_UPNS.democraticServices;
    await bot.post({ ...installActivity(who, capture), action: "remove" });
    let ref = (await getConversations(botSp())).find((r) => r.upn === who);
    expect(ref).toMatchObject({ unreachable: true, unreachableReason: "Removed the app in Teams" });
    await bot.post(messageActivity(who, capture, "hello"));
    ref = (await getConversations(botSp())).find((r) => r.upn === who);
    expect(ref).toMatchObject({ unreachable: false, unreachableReason: null });
    // The message was answered with what the bot does.
    const answer = capture.sentTo(conversationOf(who)).at(-1);
    expect(allText(cardOf(answer?.activity ?? {}))).toMatch(/I remind responsible officers/);
  });

  it("does not save, or answer, an activity whose service URL is not Teams' (nor loopback in local mode)", async () => {
    const who = SEED_UPNS.procurement;
    const before = (await getConversations(botSp())).find((r) => r.upn === who);
    expect(before?.serviceUrl).toBe(capture.serviceUrl);
    const evilUrl = "https://smba.trafficmanager.net.evil.example/teams/";
    await bot.post({ ...installActivity(who, capture), serviceUrl: evilUrl });
    await bot.post({ ...messageActivity(who, capture, "hello"), serviceUrl: evilUrl });
    const after = (await getConversations(botSp())).find((r) => r.upn === who);
    expect(after?.serviceUrl).toBe(capture.serviceUrl);
  });
});

/** Conversation references: saved on install and messages, kept one per person, unreachable after removal. */
import { describe, expect, it } from "vitest";
import { getConversations } from "../../../src/data/conversations/index.ts";
import { createSp } from "../../../src/data/index.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import {
  allText,
  botAuth,
  cardOf,
  conversationOf,
  installActivity,
  installEveryone,
  messageActivity,
  oidOf,
  SEED_PEOPLE,
  stackPerFile,
} from "../../helpers/bot-harness.ts";

const stack = stackPerFile({ install: false });

const botSp = () => createSp(stack.site.siteUrl, botAuth());

describe("conversation capture", () => {
  it("saves each person's conversation reference on install, with the UPN from Teams' member API", async () => {
    await installEveryone(stack.bot, stack.capture);
    const refs = await getConversations(botSp());
    expect(refs).toHaveLength(SEED_PEOPLE.length);
    const sam = refs.find((r) => r.upn === SEED_UPNS.equalitiesLead);
    expect(sam).toMatchObject({ userId: oidOf(SEED_UPNS.equalitiesLead), conversationId: conversationOf(SEED_UPNS.equalitiesLead), serviceUrl: stack.capture.serviceUrl, unreachable: false });
  });

  it("does not duplicate a reference when the person installs again", async () => {
    await installEveryone(stack.bot, stack.capture, [SEED_UPNS.housing]);
    const refs = await getConversations(botSp());
    expect(refs.filter((r) => r.upn === SEED_UPNS.housing)).toHaveLength(1);
  });

  it("uninstalling marks the person unreachable; writing to the bot again makes them reachable", async () => {
    const who = SEED_UPNS.democraticServices;
    await stack.bot.post({ ...installActivity(who, stack.capture), action: "remove" });
    let ref = (await getConversations(botSp())).find((r) => r.upn === who);
    expect(ref).toMatchObject({ unreachable: true, unreachableReason: "Removed the app in Teams" });
    await stack.bot.post(messageActivity(who, stack.capture, "hello"));
    ref = (await getConversations(botSp())).find((r) => r.upn === who);
    expect(ref).toMatchObject({ unreachable: false, unreachableReason: null });
    // The message was answered with what the bot does.
    const answer = stack.capture.sentTo(conversationOf(who)).at(-1);
    expect(allText(cardOf(answer?.activity ?? {}))).toMatch(/I remind responsible officers/);
  });

  it("does not save, or answer, an activity whose service URL is not Teams' (nor loopback in local mode)", async () => {
    const who = SEED_UPNS.procurement;
    const before = (await getConversations(botSp())).find((r) => r.upn === who);
    expect(before?.serviceUrl).toBe(stack.capture.serviceUrl);
    const evilUrl = "https://smba.trafficmanager.net.evil.example/teams/";
    await stack.bot.post({ ...installActivity(who, stack.capture), serviceUrl: evilUrl });
    await stack.bot.post({ ...messageActivity(who, stack.capture, "hello"), serviceUrl: evilUrl });
    const after = (await getConversations(botSp())).find((r) => r.upn === who);
    expect(after?.serviceUrl).toBe(stack.capture.serviceUrl);
  });
});

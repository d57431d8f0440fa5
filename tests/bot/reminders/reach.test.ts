/**
 * Reaching officers who never opened the app, over real HTTP: the strict local SharePoint and its Microsoft Graph
 * (catalog, installations, chats, sendMail into the outbox), the bot, and a capture server as Teams' Bot Connector.
 * Nobody has a conversation at the start; one officer's app permission policy blocks the app (emailed instead), one
 * has no Teams licence and no mailbox (listed, never dropped).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConversations } from "../../../src/data/conversations/index.ts";
import { LOCAL_REMINDER_MAILBOX } from "../../../src/config/local-identities.ts";
import { seedPerson, SEED_UPNS } from "../../../src/seed/people.ts";
import type { RunReport } from "../../../src/bot/index.ts";
import { createSp } from "../../../src/data/index.ts";
import { botAuth } from "../../helpers/bot-harness.ts";
import { graphStats, NOW, outbox, type ReachStack, startReachStack } from "../../helpers/reach-stack.ts";
import { allText, cardOf } from "../../helpers/card-reading.ts";

const BLOCKED = SEED_UPNS.housing; // UPN d.fairweather@…, mailbox dan.fairweather@example.org
const UNLICENSED = SEED_UPNS.welfare; // no mailbox

let s: ReachStack;
let first: RunReport;

beforeAll(async () => {
  s = await startReachStack({
    directory: (people) =>
      people.map((p) => (p.userPrincipalName === BLOCKED ? { ...p, appPolicyBlocked: true } : p.userPrincipalName === UNLICENSED ? { ...p, teamsLicensed: false } : p)),
  });
  await fetch(`${s.site.baseUrl}/_local/stats/reset`, { method: "POST" });
  first = await s.bot.runReminders({ now: NOW });
}, 120_000);
afterAll(async () => {
  await s?.close();
});

const digestOf = (r: RunReport, upn: string) => r.digests.find((d) => d.upn === upn);

describe("a first run, with nobody having opened the app", () => {
  it("installs the app for each officer with nudges due, opens the chat and sends one digest card there", async () => {
    const reached = first.digests.filter((d) => d.outcome === "sent");
    expect(reached.length).toBeGreaterThanOrEqual(3);
    expect(first.installed).toBe(reached.length);
    const refs = await getConversations(createSp(s.site.siteUrl, botAuth()));
    for (const d of reached) {
      const p = seedPerson(d.upn);
      const ref = refs.find((r) => r.upn === d.upn);
      // Keyed by the Entra object id; the conversation is the chat Graph named, sent to through Teams.
      expect(ref?.userId, d.upn).toBe(p?.oid);
      expect(ref?.conversationId).toMatch(/^19:.+@unq\.gbl\.spaces$/);
      const sends = s.capture.sentTo(ref?.conversationId as string);
      expect(sends, d.upn).toHaveLength(1);
      expect(cardOf(sends[0].activity).type).toBe("AdaptiveCard");
    }
    // Three Graph requests per officer installed (install, find the installation, its chat), plus the catalog once.
    const g = await graphStats(s.site.baseUrl);
    expect(g["graph-install"]).toBe(reached.length);
    expect(g["graph-installed"]).toBe(reached.length);
    expect(g["graph-chat"]).toBe(reached.length);
    expect(g["graph-catalog"]).toBe(1);
    // The two refused (policy, licence) cost one directory read each: disabled or gone, and their mailbox.
    expect(g.graph).toBe(2);
    expect(g["graph-users"]).toBe(2);
  });

  it("emails the officer whose app permission policy blocks the app, once, at their mailbox (not their UPN)", async () => {
    const d = digestOf(first, BLOCKED);
    expect(d?.outcome).toBe("emailed");
    const mails = (await outbox(s.site.baseUrl)).filter((m) => m.to.includes("dan.fairweather@example.org"));
    expect(mails).toHaveLength(1);
    expect(mails[0].from).toBe(LOCAL_REMINDER_MAILBOX);
    expect(mails[0].subject).toMatch(/^Your equality actions: /);
    // The digest's content, with a link to each action in the tab.
    for (const id of d?.actionIds ?? []) expect(mails[0].content).toContain(`http://127.0.0.1:5173/#/actions/${id}`);
    expect(mails[0].content).toContain('<html lang="en-GB">');
  });

  it("lists the officer with no Teams licence and no mailbox, with why and what the lead can do", () => {
    const d = digestOf(first, UNLICENSED);
    expect(d?.outcome).toBe("not-reached");
    expect(d?.detail).toMatch(/no Teams licence.*assign one.*no mailbox/);
  });
});

describe("carried actions keep their history", () => {
  it("a card shows the last update and the measures of the action carried from, said to be that action's", async () => {
    const texts = s.capture.delivered.filter((c) => c.method === "POST").map((c) => allText(cardOf(c.activity)));
    const carried = texts.filter((t) => /in the previous plan/.test(t));
    expect(carried.length).toBeGreaterThan(0);
    expect(carried.join("\n")).toMatch(/Last update.*\(on CL-[\w-]+ in the previous plan\)/s);
  });
});

describe("a second run the same day", () => {
  it("sends nothing and asks Graph to install nothing", async () => {
    await fetch(`${s.site.baseUrl}/_local/stats/reset`, { method: "POST" });
    const cards = s.capture.delivered.length;
    const mails = (await outbox(s.site.baseUrl)).length;
    const again = await s.bot.runReminders({ now: NOW });
    expect(again.sent + again.emailed).toBe(0);
    expect(again.installed).toBe(0);
    expect(s.capture.delivered.length).toBe(cards);
    expect((await outbox(s.site.baseUrl)).length).toBe(mails);
    const g = await graphStats(s.site.baseUrl);
    expect(g["graph-install"] ?? 0).toBe(0);
    expect(g["graph-catalog"] ?? 0).toBe(0);
  });
});

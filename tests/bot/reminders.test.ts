/** Conversation capture, reminder runs, unreachable people: real HTTP to the bot, SharePoint and a capture server. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConversations } from "../../src/data/conversations/index.ts";
import { createSp, findPlan, getPlanActions } from "../../src/data/index.ts";
import { getLedgerSince } from "../../src/data/ledger/index.ts";
import { addDays } from "../../src/domain/dates.ts";
import { londonDate } from "../../src/domain/london-time.ts";
import { SEED_UPNS } from "../../src/seed/people.ts";
import type { CaptureServer } from "../helpers/capture-server.ts";
import {
  actionIdsOnCard,
  allText,
  type BotUnderTest,
  botAuth,
  cardOf,
  conversationOf,
  digestsTo,
  installActivity,
  installEveryone,
  messageActivity,
  NOW,
  oidOf,
  SEED_PEOPLE,
  type Site,
  startBot,
  startCaptureServer,
  startSite,
} from "./harness.ts";

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

const botSp = () => createSp(site.siteUrl, botAuth());

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
});

describe("reminder runs", () => {
  it("a dry run reports who would get what and sends nothing", async () => {
    const before = capture.attempts.length;
    const report = await bot.runtime.runReminders({ now: NOW, dryRun: true });
    expect(report.digests.every((d) => d.outcome === "would-send")).toBe(true);
    expect(report.digests.length).toBeGreaterThan(0);
    expect(capture.attempts.length).toBe(before);
    expect(await getLedgerSince(botSp(), new Date(0))).toHaveLength(0);
  });

  it("sends exactly one digest per officer, listing all of their due and overdue actions", async () => {
    const report = await bot.runtime.runReminders({ now: NOW });
    const actions = await getPlanActions(site.spAs(SEED_UPNS.equalitiesLead), site.planId);
    const due = actions.filter((a) => a.due.date !== null && a.due.date <= addDays(londonDate(NOW), 28));
    const owners = [...new Set(due.map((a) => a.owner?.email).filter(Boolean))] as string[];
    expect(owners.length).toBeGreaterThanOrEqual(4);
    for (const email of SEED_PEOPLE.map((p) => p.upn)) {
      const sends = digestsTo(capture, conversationOf(email));
      if (!owners.includes(email)) {
        expect(sends, email).toHaveLength(0);
        continue;
      }
      expect(sends, email).toHaveLength(1);
      const card = cardOf(sends[0].activity);
      expect(card.version).toBe("1.5");
      // Due or overdue: the 28-day lead time has come (the seed also gives some actions dates further off).
      const mine = actions.filter((a) => a.owner?.email === email && a.due.date !== null && a.due.date <= addDays(londonDate(NOW), 28)).map((a) => a.id).sort((a, b) => a - b);
      expect(actionIdsOnCard(card)).toEqual(mine);
    }
    expect(report.sent).toBe(owners.length);
    expect(report.failed).toBe(0);
    const ledger = await getLedgerSince(botSp(), new Date(0));
    expect(ledger.length).toBe(report.nudgesDue);
    expect(ledger.every((e) => e.state === "sent" && e.sentAt !== null)).toBe(true);
  });

  it("never nudges a closed plan's history, though its actions are open and long past their dates", async () => {
    const sp = site.spAs(SEED_UPNS.equalitiesLead);
    const old = (await findPlan(sp, "2017-2021"))!;
    expect(old.status).toBe("closed");
    const history = (await getPlanActions(sp, old.id)).filter((a) => a.disposition === "open" && a.due.date !== null && a.due.date < londonDate(NOW));
    expect(history.length).toBeGreaterThan(0); // the 2017 table's dated rows: nothing records what became of them
    const listed = new Set(capture.delivered.flatMap((d) => actionIdsOnCard(cardOf(d.activity))));
    for (const a of history) expect(listed.has(a.id), a.reference).toBe(false);
    const report = await bot.runtime.runReminders({ now: NOW, dryRun: true });
    for (const d of report.digests) for (const id of d.actionIds) expect(history.some((a) => a.id === id)).toBe(false);
  });

  it("a second run sends nothing new", async () => {
    const before = capture.attempts.length;
    const report = await bot.runtime.runReminders({ now: new Date(NOW.getTime() + 60 * 60_000) });
    expect(report.sent).toBe(0);
    expect(report.nudgesDue).toBe(0);
    expect(capture.attempts.length).toBe(before);
  });

  it("sends nothing in quiet hours", async () => {
    const report = await bot.runtime.runReminders({ now: new Date("2026-11-24T22:00:00Z") });
    expect(report.skipped).toBe("quiet hours");
  });
});

describe("people who blocked the bot", () => {
  it("403 MessageWritesBlocked marks the person unreachable and the nudge is kept for later", async () => {
    const s2 = await startSite();
    const c2 = await startCaptureServer();
    const b2 = await startBot(s2, c2);
    try {
      await installEveryone(b2, c2);
      c2.block(conversationOf(SEED_UPNS.housing));
      const report = await b2.runtime.runReminders({ now: NOW });
      const dan = report.digests.find((d) => d.email === SEED_UPNS.housing);
      expect(dan?.outcome).toBe("unreachable");
      const sp = createSp(s2.siteUrl, botAuth());
      const ref = (await getConversations(sp)).find((r) => r.upn === SEED_UPNS.housing);
      expect(ref?.unreachable).toBe(true);
      expect(ref?.unreachableReason).toMatch(/blocked/i);
      const danKeys = new Set(dan?.nudgeKeys);
      const ledger = await getLedgerSince(sp, new Date(0));
      expect(ledger.filter((e) => danKeys.has(e.key)).every((e) => e.state === "failed")).toBe(true);

      // The equalities lead asks who is not being reminded.
      const before = c2.delivered.length;
      expect((await b2.post(messageActivity(SEED_UPNS.equalitiesLead, c2, "unreachable"))).status).toBe(200);
      const answer = c2.delivered.slice(before).find((d) => d.conversationId === conversationOf(SEED_UPNS.equalitiesLead));
      expect(allText(cardOf(answer?.activity ?? {}))).toContain(SEED_UPNS.housing);

      // Owners of open actions who never installed the app are listed too.
      const text0 = allText(cardOf(answer?.activity ?? {}));
      expect(text0).toMatch(/1 person\(s\) blocked or removed the bot/);
      expect(text0).not.toMatch(/have not installed the app yet/);

      // Someone outside the EDI group is refused.
      const b = c2.delivered.length;
      await b2.post(messageActivity(SEED_UPNS.procurement, c2, "unreachable"));
      const refusal = c2.delivered.slice(b).find((d) => d.conversationId === conversationOf(SEED_UPNS.procurement));
      const text = allText(cardOf(refusal?.activity ?? {}));
      expect(text).toMatch(/Only members of the EDI group/);
      expect(text).not.toContain(SEED_UPNS.housing);

      // A blocked person gets nothing on the next run, and comes back when they write to the bot again.
      const next = await b2.runtime.runReminders({ now: new Date(NOW.getTime() + 3600_000) });
      expect(next.digests.find((d) => d.email === SEED_UPNS.housing)?.outcome).toBe("unreachable");
      expect(c2.attempts.filter((a) => a.conversationId === conversationOf(SEED_UPNS.housing) && a.method === "POST")).toHaveLength(1);
      c2.allow(conversationOf(SEED_UPNS.housing));
      await b2.post(messageActivity(SEED_UPNS.housing, c2, "hello"));
      const again = await b2.runtime.runReminders({ now: new Date(NOW.getTime() + 2 * 3600_000) });
      expect(again.digests.find((d) => d.email === SEED_UPNS.housing)?.outcome).toBe("sent");
      expect(digestsTo(c2, conversationOf(SEED_UPNS.housing))).toHaveLength(1);
    } finally {
      await b2.close();
      await c2.close();
      await s2.close();
    }
  }, 60_000);

  it("lists owners of open actions who never installed the app, and reports them in the run", async () => {
    const s4 = await startSite();
    const c4 = await startCaptureServer();
    const b4 = await startBot(s4, c4);
    try {
      await installEveryone(b4, c4, SEED_PEOPLE.map((p) => p.upn).filter((e) => e !== SEED_UPNS.workforce));
      const report = await b4.runtime.runReminders({ now: NOW });
      expect(report.digests.find((d) => d.email === SEED_UPNS.workforce)?.outcome).toBe("no-conversation");
      await b4.post(messageActivity(SEED_UPNS.equalitiesLead, c4, "Who is not being reminded?"));
      const answer = c4.sentTo(conversationOf(SEED_UPNS.equalitiesLead)).at(-1);
      const text = allText(cardOf(answer?.activity ?? {}));
      expect(text).toMatch(/1 officer\(s\) named on open actions have not installed the app yet/);
      expect(text).toContain(SEED_UPNS.workforce);
    } finally {
      await b4.close();
      await c4.close();
      await s4.close();
    }
  }, 60_000);

  it("retries a send Teams throttles (429) and delivers it once", async () => {
    const s3 = await startSite();
    const c3 = await startCaptureServer();
    const b3 = await startBot(s3, c3);
    try {
      await installEveryone(b3, c3);
      c3.throttle(conversationOf(SEED_UPNS.equalitiesLead), 2, 0);
      const report = await b3.runtime.runReminders({ now: NOW });
      expect(report.failed).toBe(0);
      const attempts = c3.attempts.filter((a) => a.conversationId === conversationOf(SEED_UPNS.equalitiesLead));
      expect(attempts.map((a) => a.status)).toEqual([429, 429, 201]);
      expect(c3.sentTo(conversationOf(SEED_UPNS.equalitiesLead))).toHaveLength(1);
    } finally {
      await b3.close();
      await c3.close();
      await s3.close();
    }
  }, 60_000);
});

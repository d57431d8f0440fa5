/** Conversation capture, reminder runs, unreachable people: real HTTP to the bot, SharePoint and a capture server. */
import { describe, expect, it } from "vitest";
import { getConversations } from "../../../src/data/conversations/index.ts";
import { createSp, findPlan, getPlanActions } from "../../../src/data/index.ts";
import { getLedgerSince } from "../../../src/data/ledger/index.ts";
import { addDays } from "../../../src/domain/dates.ts";
import { londonDate } from "../../../src/domain/london-time.ts";
import { MAX_ACTIONS } from "../../../src/bot/cards/digest-card.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import {
  actionIdsOnCard,
  allText,
  botAuth,
  cardOf,
  conversationOf,
  digestsTo,
  installEveryone,
  messageActivity,
  NOW,
  SEED_PEOPLE,
  stackPerFile,
  startBot,
  startCaptureServer,
  startSite,
} from "../../helpers/bot-harness.ts";

const stack = stackPerFile();

const botSp = () => createSp(stack.site.siteUrl, botAuth());

describe("reminder runs", () => {
  it("a dry run reports who would get what and sends nothing", async () => {
    const before = stack.capture.attempts.length;
    const report = await stack.bot.runtime.runReminders({ now: NOW, dryRun: true });
    expect(report.digests.every((d) => d.outcome === "would-send")).toBe(true);
    expect(report.digests.length).toBeGreaterThan(0);
    expect(stack.capture.attempts.length).toBe(before);
    expect(await getLedgerSince(botSp(), new Date(0))).toHaveLength(0);
  });

  it("sends exactly one digest per officer, listing all of their due and overdue actions", async () => {
    const report = await stack.bot.runtime.runReminders({ now: NOW });
    const actions = await getPlanActions(stack.site.spAs(SEED_UPNS.equalitiesLead), stack.site.planId);
    const due = actions.filter((a) => a.due.date !== null && a.due.date <= addDays(londonDate(NOW), 28));
    // Officers are matched on their UPN (some have a different mail, one has none).
    const owners = [...new Set(due.map((a) => a.owner?.upn).filter(Boolean))] as string[];
    expect(owners.length).toBeGreaterThanOrEqual(4);
    // Among them the officer whose UPN is not their mail, and the one with no mailbox.
    expect(owners).toEqual(expect.arrayContaining([SEED_UPNS.housing, SEED_UPNS.welfare]));
    for (const upn of SEED_PEOPLE.map((p) => p.upn)) {
      const sends = digestsTo(stack.capture, conversationOf(upn));
      if (!owners.includes(upn)) {
        expect(sends, upn).toHaveLength(0);
        continue;
      }
      expect(sends, upn).toHaveLength(1);
      const card = cardOf(sends[0].activity);
      expect(card.version).toBe("1.5");
      // Due or overdue: the 28-day lead time has come (the seed also gives some actions dates further off); the
      // card shows the most urgent of them and says how many more are in the tab.
      const mine = due.filter((a) => a.owner?.upn === upn).map((a) => a.id);
      const shown = actionIdsOnCard(card);
      expect(shown.length).toBe(Math.min(mine.length, MAX_ACTIONS));
      for (const id of shown) expect(mine).toContain(id);
      if (mine.length > MAX_ACTIONS) expect(allText(card)).toContain(`…and ${mine.length - MAX_ACTIONS} more in the tab`);
    }
    expect(report.sent).toBe(owners.length);
    expect(report.failed).toBe(0);
    const ledger = await getLedgerSince(botSp(), new Date(0));
    // Action milestones and values asked for (an EqIA's rows carry its negative id: not read here).
    expect(ledger.length).toBe(report.nudgesDue + report.figuresDue);
    expect(ledger.every((e) => e.state === "sent" && e.sentAt !== null)).toBe(true);
  });

  it("never nudges a closed plan's history, though its actions are open and long past their dates", async () => {
    const sp = stack.site.spAs(SEED_UPNS.equalitiesLead);
    const old = (await findPlan(sp, "2017-2021"))!;
    expect(old.status).toBe("closed");
    const history = (await getPlanActions(sp, old.id)).filter((a) => a.disposition === "open" && a.due.date !== null && a.due.date < londonDate(NOW));
    expect(history.length).toBeGreaterThan(0); // the 2017 table's dated rows: nothing records what became of them
    const listed = new Set(stack.capture.delivered.flatMap((d) => actionIdsOnCard(cardOf(d.activity))));
    for (const a of history) expect(listed.has(a.id), a.reference).toBe(false);
    const report = await stack.bot.runtime.runReminders({ now: NOW, dryRun: true });
    for (const d of report.digests) for (const id of d.actionIds) expect(history.some((a) => a.id === id)).toBe(false);
  });

  it("a second run sends nothing new", async () => {
    const before = stack.capture.attempts.length;
    const report = await stack.bot.runtime.runReminders({ now: new Date(NOW.getTime() + 60 * 60_000) });
    expect(report.sent).toBe(0);
    expect(report.nudgesDue).toBe(0);
    expect(report.figuresDue + report.reviewsDue).toBe(0);
    expect(stack.capture.attempts.length).toBe(before);
  });

  it("sends nothing in quiet hours", async () => {
    const report = await stack.bot.runtime.runReminders({ now: new Date("2026-11-24T22:00:00Z") });
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
      const dan = report.digests.find((d) => d.upn === SEED_UPNS.housing);
      expect(dan?.outcome).toBe("unreachable");
      const sp = createSp(s2.siteUrl, botAuth());
      const ref = (await getConversations(sp)).find((r) => r.upn === SEED_UPNS.housing);
      expect(ref?.unreachable).toBe(true);
      expect(ref?.unreachableReason).toMatch(/blocked/i);
      // His nudges are not recorded as sent, and his digest of the day is released for a later run.
      const danKeys = new Set(dan?.nudgeKeys);
      const ledger = await getLedgerSince(sp, new Date(0), { officersDigests: true });
      expect(ledger.filter((e) => danKeys.has(e.key))).toEqual([]);
      expect(ledger.find((e) => e.key === `digest:2026-11-24:${dan?.officerId}`)?.state).toBe("failed");

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
      expect(next.digests.find((d) => d.upn === SEED_UPNS.housing)?.outcome).toBe("unreachable");
      expect(c2.attempts.filter((a) => a.conversationId === conversationOf(SEED_UPNS.housing) && a.method === "POST")).toHaveLength(1);
      c2.allow(conversationOf(SEED_UPNS.housing));
      await b2.post(messageActivity(SEED_UPNS.housing, c2, "hello"));
      const again = await b2.runtime.runReminders({ now: new Date(NOW.getTime() + 2 * 3600_000) });
      expect(again.digests.find((d) => d.upn === SEED_UPNS.housing)?.outcome).toBe("sent");
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
      expect(report.digests.find((d) => d.upn === SEED_UPNS.workforce)?.outcome).toBe("no-conversation");
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

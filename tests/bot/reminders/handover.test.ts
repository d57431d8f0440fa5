/**
 * Handover, over real HTTP: an officer reached in Teams is later disabled in the directory. The next run's weekly
 * directory check finds it, sends them nothing, and their open actions appear in the lead's handover list (and in
 * the EDI digest's). `eap reassign`, signed in as the equalities lead, moves them all to another officer, each with
 * its ETag and a timeline entry; the next run nudges the new owner about them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHandoverList } from "../../../src/data/conversations/index.ts";
import { createSp, getAction, getUpdatesForAction } from "../../../src/data/index.ts";
import { SEED_ADMINISTRATOR, SEED_EQUALITIES_LEAD_UPN, SEED_UPNS, seedPerson } from "../../../src/seed/people.ts";
import { botAuth } from "../../helpers/bot-harness.ts";
import { actionIdsOnCard, allText, cardOf } from "../../helpers/card-reading.ts";
import { NOW, type ReachStack, startReachStack } from "../../helpers/reach-stack.ts";
import { runCli } from "../../helpers/run-cli.ts";

const LEAVER = SEED_UPNS.communications; // owns an action due at NOW, overdue a week later
const TAKER = SEED_UPNS.dataIntelligence;
const WEEK_LATER = new Date(NOW.getTime() + 7 * 86_400_000); // Tuesday again
const DAY_AFTER = new Date(WEEK_LATER.getTime() + 86_400_000);

let s: ReachStack;
const appSp = () => createSp(s.site.siteUrl, botAuth());

beforeAll(async () => {
  s = await startReachStack();
  const first = await s.bot.runReminders({ now: NOW });
  expect(first.digests.find((d) => d.upn === LEAVER)?.outcome).toBe("sent");
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe("an officer who can no longer act", () => {
  let moved: number[] = [];

  it("is found disabled by the weekly directory check, sent nothing, and listed with their actions for handover", async () => {
    const r = await fetch(`${s.site.baseUrl}/_local/directory/${encodeURIComponent(LEAVER)}`, { method: "PATCH", body: JSON.stringify({ accountEnabled: false }) });
    expect(r.status).toBe(200);
    const before = s.capture.delivered.length;
    const run = await s.bot.runReminders({ now: WEEK_LATER });
    const d = run.digests.find((x) => x.upn === LEAVER);
    expect(d?.outcome).toBe("not-reached");
    expect(d?.detail).toMatch(/disabled.*reassign/);
    const leaverConv = s.capture.delivered.slice(before).filter((c) => c.method === "POST" && JSON.stringify(c.activity).includes(seedPerson(LEAVER)?.oid ?? "-"));
    expect(leaverConv).toHaveLength(0);

    const list = await getHandoverList(appSp());
    const entry = list.find((h) => h.person.upn === LEAVER);
    expect(entry?.person.problem).toBe("disabled");
    expect(entry?.actions.length).toBeGreaterThan(0);
    moved = entry?.actions.map((a) => a.id) ?? [];

    // The EDI group's weekly digest lists them too, under their own heading.
    const edi = await s.startBot({ ediChannel: { conversationId: "19:edi-group@thread.tacv2", serviceUrl: s.capture.serviceUrl } });
    const digest = await edi.runEdiDigest({ now: WEEK_LATER });
    expect(digest.outcome).toBe("sent");
    expect(digest.noReachableOwner).toBe(moved.length);
    const card = cardOf(s.capture.sentTo("19:edi-group@thread.tacv2")[0].activity);
    expect(allText(card)).toContain(`No reachable owner: hand over (${moved.length})`);
    expect(allText(card)).toMatch(/Owner: Hannah Quill: their account is disabled/);
  });

  it("eap reassign --list prints them for the lead; reassigning as an officer, or as the lead (who uses the tab), is refused and nothing moves", async () => {
    const env = { EAP_SITE_URL: s.site.siteUrl, EAP_DEV_USER: TAKER };
    // The list reads the bot's records, which only the leads (and owners) may read.
    const listed = await runCli(["reassign", "--list"], { ...env, EAP_DEV_USER: SEED_EQUALITIES_LEAD_UPN });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`<${LEAVER}>`);
    for (const who of [TAKER, SEED_EQUALITIES_LEAD_UPN]) {
      const refused = await runCli(["reassign", "--from", LEAVER, "--to", TAKER], { ...env, EAP_DEV_USER: who });
      expect(refused.code, who).not.toBe(0);
      expect(refused.stderr).toMatch(/Only site owners and the app write the plan's lists/);
    }
    expect((await getAction(appSp(), moved[0])).owner?.upn).toBe(LEAVER);
  });

  it("a site owner hands them all over: each action's owner and officers change, with a timeline entry", async () => {
    const env = { EAP_SITE_URL: s.site.siteUrl, EAP_DEV_USER: SEED_ADMINISTRATOR.upn };
    const r = await runCli(["reassign", "--from", LEAVER, "--to", TAKER, "--reason", "Left the council"], env);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(`Handed ${moved.length} action(s)`);
    for (const id of moved) {
      const a = await getAction(appSp(), id);
      expect(a.owner?.upn).toBe(TAKER);
      expect(a.officers.map((p) => p.upn)).not.toContain(LEAVER);
      const timeline = (await getUpdatesForAction(appSp(), id)).filter((u) => u.kind === "handover");
      expect(timeline).toHaveLength(1);
      expect(timeline[0].text).toMatch(/Handed over from .* to .* by .*\. Left the council/);
    }
    expect((await getHandoverList(appSp())).find((h) => h.person.upn === LEAVER)).toBeUndefined();
  });

  it("the next run nudges the new owner about the actions handed over", async () => {
    const before = s.capture.delivered.length;
    const run = await s.bot.runReminders({ now: DAY_AFTER });
    expect(run.digests.find((d) => d.upn === TAKER)?.outcome).toBe("sent");
    const cards = s.capture.delivered.slice(before).filter((c) => c.method === "POST").map((c) => actionIdsOnCard(cardOf(c.activity)));
    const shown = new Set(cards.flat());
    expect(moved.some((id) => shown.has(id))).toBe(true);
  });
});

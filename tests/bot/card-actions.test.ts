/**
 * Card actions (Action.Execute invokes POSTed to the bot as Teams sends them): writes go to SharePoint with the
 * card's ETag, the answer is the refreshed card, and refusals or bad input write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAction, getUpdatesForAction } from "../../src/data/index.ts";
import { SEED_UPNS } from "../../src/seed/people.ts";
import type { CaptureServer } from "../helpers/capture-server.ts";
import {
  allText,
  type BotUnderTest,
  cardOf,
  conversationOf,
  executeActions,
  installEveryone,
  invokeActivity,
  NOW,
  type Site,
  startBot,
  startCaptureServer,
  startSite,
} from "./harness.ts";

let site: Site;
let capture: CaptureServer;
let bot: BotUnderTest;
/** Sam's digest card as delivered. */
let samCard: Record<string, unknown>;
const SAM = SEED_UPNS.equalitiesLead;

beforeAll(async () => {
  site = await startSite();
  capture = await startCaptureServer();
  bot = await startBot(site, capture);
  await installEveryone(bot, capture);
  await bot.runtime.runReminders({ now: NOW });
  samCard = cardOf(capture.sentTo(conversationOf(SAM))[0].activity);
}, 60_000);
afterAll(async () => {
  await bot?.close();
  await capture?.close();
  await site?.close();
});

const leadSp = () => site.spAs(SAM);
function button(card: Record<string, unknown>, verb: string, index = 0) {
  const b = executeActions(card).filter((a) => a.verb === verb)[index];
  if (!b) throw new Error(`no ${verb} button`);
  return b;
}
async function invoke(email: string, verb: string, data: Record<string, unknown>) {
  const r = await bot.post(invokeActivity(email, capture, verb, data));
  expect(r.status).toBe(200);
  const body = r.body as { statusCode: number; type: string; value: Record<string, unknown> };
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
  return body.value;
}

describe("card actions", () => {
  it("Add update writes the update with the action's ETag and answers with the refreshed card", async () => {
    const b = button(samCard, "eap.addUpdate");
    const id = Number(b.data.actionId);
    const before = await getAction(leadSp(), id);
    const puts = capture.delivered.filter((d) => d.method === "PUT").length;
    const card = await invoke(SAM, b.verb, { ...b.data, [`text-${id}`]: "Met the <b>forum</b> on Tuesday; *minutes* to follow.", [`status-${id}`]: "at-risk" });

    const after = await getAction(leadSp(), id);
    expect(after.status).toBe("at-risk");
    expect(after.etag).not.toBe(before.etag);
    const updates = await getUpdatesForAction(leadSp(), id);
    expect(updates[0].text).toBe("Met the <b>forum</b> on Tuesday; *minutes* to follow.");
    expect(updates[0].author?.email).toBe(SAM);

    const text = allText(card);
    expect(text).toContain("Update saved.");
    expect(text).toContain("At risk");
    // The refreshed card carries the new ETag, so the next press works.
    expect(button(card, "eap.addUpdate").data.etag).toBe(after.etag);
    // The sent message was replaced too.
    const replaced = capture.delivered.filter((d) => d.method === "PUT");
    expect(replaced.length).toBe(puts + 1);
    expect(replaced.at(-1)?.activityId).toBe("msg-1");
  });

  it("an old card (stale ETag) writes nothing and says what changed, keeping what was typed", async () => {
    const b = button(samCard, "eap.addUpdate"); // the original card: its ETag is now stale
    const id = Number(b.data.actionId);
    const updatesBefore = (await getUpdatesForAction(leadSp(), id)).length;
    const card = await invoke(SAM, b.verb, { ...b.data, [`text-${id}`]: "Second thoughts", [`status-${id}`]: "on-track" });
    expect((await getUpdatesForAction(leadSp(), id)).length).toBe(updatesBefore);
    expect((await getAction(leadSp(), id)).status).toBe("at-risk");
    const text = allText(card);
    expect(text).toMatch(/Nothing was saved/);
    expect(text).toMatch(/Status is now "At risk"/);
    expect(JSON.stringify(card)).toContain("Second thoughts");
  });

  it("refuses someone who is neither responsible nor in the EDI group, and writes nothing", async () => {
    const b = button(samCard, "eap.complete");
    const id = Number(b.data.actionId);
    const fresh = await getAction(leadSp(), id);
    const card = await invoke(SEED_UPNS.procurement, b.verb, { ...b.data, etag: fresh.etag });
    expect(allText(card)).toMatch(/Only the action's responsible officers and members of the EDI group/);
    expect((await getAction(leadSp(), id)).etag).toBe(fresh.etag);
  });

  it("rejects missing or oversized text and an unknown verb with a clear answer and nothing written", async () => {
    const b = button(samCard, "eap.addUpdate", 1);
    const id = Number(b.data.actionId);
    const fresh = await getAction(leadSp(), id);
    const updatesBefore = (await getUpdatesForAction(leadSp(), id)).length;
    const data = { ...b.data, etag: fresh.etag };
    let card = await invoke(SAM, b.verb, { ...data, [`text-${id}`]: "   ", [`status-${id}`]: "on-track" });
    expect(allText(card)).toMatch(/Nothing was saved: write what has happened/);
    card = await invoke(SAM, b.verb, { ...data, [`text-${id}`]: "x".repeat(4_001), [`status-${id}`]: "on-track" });
    expect(allText(card)).toMatch(/keep the update under 4,000 characters/);
    card = await invoke(SAM, b.verb, { ...data, [`text-${id}`]: "ok", [`status-${id}`]: "finished" });
    expect(allText(card)).toMatch(/choose a status/);
    // "Not recorded" describes missing records: a crafted submission cannot set it.
    card = await invoke(SAM, b.verb, { ...data, [`text-${id}`]: "ok", [`status-${id}`]: "not-recorded" });
    expect(allText(card)).toMatch(/choose a status/);
    card = await invoke(SAM, "eap.deleteEverything", data);
    expect(allText(card)).toMatch(/not one the app knows/);
    card = await invoke(SAM, b.verb, { v: 99 });
    expect(allText(card)).toMatch(/could not be read/);
    expect((await getAction(leadSp(), id)).etag).toBe(fresh.etag);
    expect(await getUpdatesForAction(leadSp(), id)).toHaveLength(updatesBefore);
  });

  it("Snooze sets the snooze; Propose a new date records a date-change request; Mark complete completes", async () => {
    const ids = executeActions(samCard).filter((a) => a.verb === "eap.snooze").map((a) => Number(a.data.actionId));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = ids.slice(-3);
    const fresh = async (id: number) => ({ ...button(samCard, "eap.snooze", ids.indexOf(id)).data, etag: (await getAction(leadSp(), id)).etag });

    let card = await invoke(SAM, "eap.snooze", await fresh(a));
    expect((await getAction(leadSp(), a)).snoozedUntil).toBe("2026-12-01T00:00:00.000Z");
    expect(allText(card)).toMatch(/snoozed until 2026-12-01/);

    card = await invoke(SAM, "eap.proposeDate", { ...(await fresh(b)), [`date-${b}`]: "2027-03-31", [`reason-${b}`]: "Waiting for census data" });
    const [req] = await getUpdatesForAction(leadSp(), b);
    expect(req).toMatchObject({ kind: "date-change-request", requestedDueDate: "2027-03-31" });
    expect(allText(card)).toMatch(/proposed date was sent/);
    card = await invoke(SAM, "eap.proposeDate", { ...(await fresh(b)), [`date-${b}`]: "2020-01-01", [`reason-${b}`]: "x" });
    expect(allText(card)).toMatch(/must be after today/);

    card = await invoke(SAM, "eap.complete", await fresh(c));
    expect((await getAction(leadSp(), c)).status).toBe("complete");
    expect(allText(card)).toMatch(/Marked complete/);
    // Acting again on a completed action writes nothing.
    card = await invoke(SAM, "eap.complete", await fresh(c));
    expect(allText(card)).toMatch(/already complete/);
  });

  it("the automatic refresh re-reads the card's actions for a responsible officer, and refuses anyone else", async () => {
    const refresh = samCard.refresh as { action: { verb: string; data: Record<string, unknown> } };
    const card = await invoke(SAM, refresh.action.verb, refresh.action.data);
    const ids = (refresh.action.data.digest as number[]).slice().sort((a, b) => a - b);
    expect([...new Set(executeActions(card).map((a) => Number(a.data.actionId)))].sort((a, b) => a - b).length).toBeLessThanOrEqual(ids.length);
    expect(allText(card)).toContain("Your equality actions");
    for (const id of ids) {
      const a = await getAction(leadSp(), id);
      expect(allText(card)).toContain(a.reference);
    }
    const refused = await invoke(SEED_UPNS.procurement, refresh.action.verb, refresh.action.data);
    expect(allText(refused)).toMatch(/Only the action's responsible officers/);
  });

  it("an EDI group member may act on an action that is not theirs", async () => {
    const hannahCard = cardOf(capture.sentTo(conversationOf(SEED_UPNS.communications))[0].activity);
    const b = button(hannahCard, "eap.addUpdate");
    const id = Number(b.data.actionId);
    const etag = (await getAction(leadSp(), id)).etag;
    const card = await invoke(SAM, b.verb, { ...b.data, etag, [`text-${id}`]: "Chased by the equalities lead", [`status-${id}`]: "on-track" });
    expect(allText(card)).toContain("Update saved.");
    expect((await getUpdatesForAction(leadSp(), id))[0].text).toBe("Chased by the equalities lead");
  });
});

/**
 * Card actions (Action.Execute invokes POSTed to the bot as Teams sends them): writes go to SharePoint with the
 * card's ETag, the answer is the refreshed card, and refusals or bad input write nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getAction, getUpdatesForAction, submitUpdate } from "../../../src/data/index.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import {
  allText,
  cardOf,
  conversationOf,
  executeActions,
  invokeActivity,
  NOW,
  resetSharePointStats,
  SEED_PEOPLE,
  sharePointRequests,
  stackPerFile, appSpOf,
} from "../../helpers/bot-harness.ts";

const stack = stackPerFile();
/** Sam's digest card as delivered. */
let samCard: Record<string, unknown>;
const SAM = SEED_UPNS.equalitiesLead;

beforeAll(async () => {
  await stack.bot.runtime.runReminders({ now: NOW });
  samCard = cardOf(stack.capture.sentTo(conversationOf(SAM))[0].activity);
}, 60_000);

const leadSp = () => appSpOf(stack.site);
/** An officer's card as it is now: their first digest's refresh, pressed. */
async function latestCard(upn: string): Promise<Record<string, unknown>> {
  const first = cardOf(stack.capture.sentTo(conversationOf(upn))[0].activity);
  const refresh = (first.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
  return invoke(upn, refresh.verb, refresh.data);
}
function button(card: Record<string, unknown>, verb: string, index = 0) {
  const b = executeActions(card).filter((a) => a.verb === verb)[index];
  if (!b) throw new Error(`no ${verb} button`);
  return b;
}
async function invoke(email: string, verb: string, data: Record<string, unknown>) {
  const r = await stack.bot.post(invokeActivity(email, stack.capture, verb, data));
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
    const puts = stack.capture.delivered.filter((d) => d.method === "PUT").length;
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
    // The refreshed card shows the action as it now is, so the next press works.
    expect(button(card, "eap.addUpdate").data.seen).toMatchObject({ status: "at-risk" });
    // The sent message was replaced too.
    const replaced = stack.capture.delivered.filter((d) => d.method === "PUT");
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
    const b = button(samCard, "eap.addUpdate");
    const id = Number(b.data.actionId);
    const fresh = await getAction(leadSp(), id);
    const card = await invoke(SEED_UPNS.procurement, b.verb, { ...b.data, [`text-${id}`]: "Done", [`status-${id}`]: "complete" });
    expect(allText(card)).toMatch(/Only the action's responsible officers and members of the EDI group/);
    expect((await getAction(leadSp(), id)).etag).toBe(fresh.etag);
  });

  it("rejects missing or oversized text and an unknown verb with a clear answer and nothing written", async () => {
    const b = button(samCard, "eap.addUpdate", 1);
    const id = Number(b.data.actionId);
    const fresh = await getAction(leadSp(), id);
    const updatesBefore = (await getUpdatesForAction(leadSp(), id)).length;
    const data = b.data;
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

  it("Snooze sets the snooze; the lead's new date is the change itself (an officer's is a request: busy-officer-card); Save update with Complete completes", async () => {
    const current = await latestCard(SAM);
    const ids = executeActions(current).filter((a) => a.verb === "eap.snooze").map((a) => Number(a.data.actionId));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = ids.slice(-3);
    // Each press answers with the refreshed card; the next press is made on it, as in Teams.
    const on = (card: Record<string, unknown>, verb: string, id: number) => {
      const found = executeActions(card).find((x) => x.verb === verb && Number(x.data.actionId) === id);
      if (!found) throw new Error(`no ${verb} for ${id}`);
      return found.data;
    };

    let card = await invoke(SAM, "eap.snooze", on(current, "eap.snooze", a));
    expect((await getAction(leadSp(), a)).snoozedUntil).toBe("2026-12-01T00:00:00.000Z");
    expect(allText(card)).toMatch(/snoozed until 2026-12-01/);

    card = await invoke(SAM, "eap.proposeDate", { ...on(card, "eap.proposeDate", b), [`date-${b}`]: "2026-12-10", [`reason-${b}`]: "Waiting for census data" });
    const [req] = await getUpdatesForAction(leadSp(), b);
    // Sam is the equalities lead: only the lead changes a date, and their own change is recorded in the timeline.
    // (A date still within the card's window, so the action stays on it for the presses below.)
    expect(req).toMatchObject({ kind: "date-change-decision", requestedDueDate: "2026-12-10" });
    expect((await getAction(leadSp(), b)).due.date).toBe("2026-12-10");
    expect(allText(card)).toMatch(/The delivery date is now 10 December 2026/);
    card = await invoke(SAM, "eap.proposeDate", { ...on(card, "eap.proposeDate", b), [`date-${b}`]: "2020-01-01", [`reason-${b}`]: "x" });
    expect(allText(card)).toMatch(/must be after today/);

    const beforeComplete = card;
    card = await invoke(SAM, "eap.addUpdate", { ...on(card, "eap.addUpdate", c), [`text-${c}`]: "Delivered", [`status-${c}`]: "complete" });
    expect((await getAction(leadSp(), c)).status).toBe("complete");
    expect(allText(card)).toMatch(/Update saved/);
    // A completed action leaves the card; acting again (from the card as it was) writes nothing.
    expect(executeActions(card).some((x) => Number(x.data.actionId) === c)).toBe(false);
    card = await invoke(SAM, "eap.addUpdate", { ...on(beforeComplete, "eap.addUpdate", c), [`text-${c}`]: "Again", [`status-${c}`]: "complete" });
    expect(allText(card)).toMatch(/already complete/);
  });

  it("the automatic refresh re-reads the card's actions for a responsible officer, and refuses anyone else", async () => {
    const refresh = samCard.refresh as { action: { verb: string; data: Record<string, unknown> } };
    expect(refresh.action.data).toMatchObject({ v: 1, officer: expect.any(Number) });
    const card = await invoke(SAM, refresh.action.verb, refresh.action.data);
    expect(allText(card)).toContain("Your equality actions");
    // Sam's actions still due (a snoozed or completed one has left the card), read again.
    const shown = [...new Set(executeActions(card).map((a) => Number(a.data.actionId)))];
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) {
      const a = await getAction(leadSp(), id);
      expect(a.ownerId).toBe(refresh.action.data.officer);
      expect(a.status).not.toBe("complete");
      expect(allText(card)).toContain(a.reference);
    }
    const refused = await invoke(SEED_UPNS.procurement, refresh.action.verb, refresh.action.data);
    expect(allText(refused)).toMatch(/Only the action's responsible officers/);
  });

  it("an EDI group member may act on an action that is not theirs", async () => {
    const hannahCard = cardOf(stack.capture.sentTo(conversationOf(SEED_UPNS.communications))[0].activity);
    const b = button(hannahCard, "eap.addUpdate");
    const id = Number(b.data.actionId);
    const card = await invoke(SAM, b.verb, { ...b.data, [`text-${id}`]: "Chased by the equalities lead", [`status-${id}`]: "on-track" });
    expect(allText(card)).toContain("Update saved.");
    expect((await getUpdatesForAction(leadSp(), id))[0].text).toBe("Chased by the equalities lead");
  });
});

describe("card actions under attack or at cost", () => {
  it("a press costs at most three SharePoint requests: one batched read, the action's write, the update's add", async () => {
    const hannahCard = cardOf(stack.capture.sentTo(conversationOf(SEED_UPNS.communications))[0].activity);
    const b = button(hannahCard, "eap.addUpdate");
    const id = Number(b.data.actionId);
    const fresh = await getAction(leadSp(), id);
    await resetSharePointStats(stack.site);
    const card = await invoke(SEED_UPNS.communications, b.verb, {
      ...b.data,
      seen: { status: fresh.status, due: fresh.due.date, lastUpdateAt: fresh.lastUpdateAt },
      [`text-${id}`]: "Press release agreed",
      [`status-${id}`]: "on-track",
    });
    const requests = await sharePointRequests(stack.site);
    expect(allText(card)).toContain("Update saved.");
    expect(requests).toBeLessThanOrEqual(3);
    expect((await getUpdatesForAction(leadSp(), id))[0].text).toBe("Press release agreed");
  });

  it("an ETag of \"*\" in the card's data does not skip the check: a change the officer did not see writes nothing", async () => {
    const HANNAH = SEED_UPNS.communications;
    const current = await latestCard(HANNAH);
    const b = button(current, "eap.addUpdate");
    const id = Number(b.data.actionId);
    const before = await getAction(leadSp(), id);
    // Someone else records the action at risk after the card was shown.
    await submitUpdate(leadSp(), { action: before, text: "Budget cut", status: "at-risk", author: null, authorName: "Sam", submissionKey: `attack-${id}`, now: NOW });
    const updates = (await getUpdatesForAction(leadSp(), id)).length;
    const card = await invoke(HANNAH, b.verb, { ...b.data, etag: "*", [`text-${id}`]: "All fine", [`status-${id}`]: "on-track" });
    expect(allText(card)).toMatch(/Nothing was saved/);
    expect((await getAction(leadSp(), id)).status).toBe("at-risk");
    expect(await getUpdatesForAction(leadSp(), id)).toHaveLength(updates);
  });

  it("a refresh naming someone else's actions gets only those the caller may act on", async () => {
    const sams = await latestCard(SAM);
    const samsOfficerId = (sams.refresh as { action: { data: { officer: number } } }).action.data.officer;
    const samsIds = [...new Set(executeActions(sams).map((a) => Number(a.data.actionId)))];
    // An officer outside the EDI group with a card of their own, who is named on none of Sam's actions.
    const named = async (upn: string) => {
      const out: number[] = [];
      for (const id of samsIds) {
        const a = await getAction(leadSp(), id);
        if ([a.owner, ...a.officers].some((p) => p?.upn === upn)) out.push(id);
      }
      return out;
    };
    const candidates = SEED_PEOPLE.filter((p) => !p.ediGroup && stack.capture.sentTo(conversationOf(p.upn)).length > 0);
    let attacker = "";
    for (const p of candidates) if ((await named(p.upn)).length === 0) attacker ||= p.upn;
    expect(attacker).not.toBe("");
    // Sam's card by officer id, then Sam's action ids (cards of earlier versions listed them): nothing of Sam's.
    for (const data of [{ v: 1, officer: samsOfficerId }, { v: 1, digest: samsIds }]) {
      const answer = await invoke(attacker, "eap.refresh", data);
      expect(executeActions(answer)).toEqual([]);
      expect(allText(answer)).toMatch(/Only the action's responsible officers/);
    }
    const theirs = [...new Set(executeActions(await latestCard(attacker)).map((a) => Number(a.data.actionId)))];
    const card = await invoke(attacker, "eap.refresh", { v: 1, digest: [...theirs, ...samsIds] });
    const shown = executeActions(card).map((a) => Number(a.data.actionId));
    expect(shown.length).toBeGreaterThan(0);
    for (const id of samsIds) {
      expect(shown).not.toContain(id);
      expect(allText(card)).not.toContain((await getAction(leadSp(), id)).reference);
    }
  });
});

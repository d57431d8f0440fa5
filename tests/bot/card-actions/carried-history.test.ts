/**
 * A carried action keeps its history on the card after a press: the refreshed card (the invoke's answer) shows the
 * last update of the action it came from, as the digest did, still within a press's budget of SharePoint requests.
 * Over the real bot endpoint, against the local SharePoint with the seeded plan (whose demonstration plan carries
 * the equalities lead's 2022-23 actions on).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getAction, getActionsByIds, updateAction } from "../../../src/data/index.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import {
  actionIdsOnCard,
  allText,
  cardOf,
  conversationOf,
  executeActions,
  invokeActivity,
  NOW,
  resetSharePointStats,
  sharePointRequests,
  stackPerFile, appSpOf,
} from "../../helpers/bot-harness.ts";

const stack = stackPerFile();
const SAM = SEED_UPNS.equalitiesLead;
const HANNAH = SEED_UPNS.communications;
const leadSp = () => appSpOf(stack.site);
/** Sam's digest as delivered, and its carried actions (each with the action it came from). */
let samCard: Record<string, unknown>;
let carried: Array<{ id: number; from: { id: number; reference: string; summary: string } }>;
/** The card of the last answer, whose buttons the next press uses. */
let latest: Record<string, unknown>;

beforeAll(async () => {
  await stack.bot.runtime.runReminders({ now: NOW });
  samCard = cardOf(stack.capture.sentTo(conversationOf(SAM))[0].activity);
  const onCard = (await getActionsByIds(leadSp(), actionIdsOnCard(samCard))).filter((a) => a.carriedFromId !== null && !a.lastUpdateAt);
  const sources = new Map((await getActionsByIds(leadSp(), onCard.map((a) => a.carriedFromId as number))).map((s) => [s.id, s]));
  carried = onCard
    .map((a) => ({ a, s: sources.get(a.carriedFromId as number) }))
    .filter(({ s }) => s?.lastUpdateSummary)
    .map(({ a, s }) => ({ id: a.id, from: { id: s?.id as number, reference: s?.reference as string, summary: s?.lastUpdateSummary as string } }))
    .sort((x, y) => x.id - y.id);
}, 60_000);

function button(card: Record<string, unknown>, verb: string, actionId: number) {
  const b = executeActions(card).find((a) => a.verb === verb && a.data.actionId === actionId);
  if (!b) throw new Error(`no ${verb} button for action ${actionId}`);
  return b;
}
async function invoke(upn: string, verb: string, data: Record<string, unknown>) {
  const r = await stack.bot.post(invokeActivity(upn, stack.capture, verb, data));
  expect(r.status).toBe(200);
  return (r.body as { value: Record<string, unknown> }).value;
}
/** The lines of a card that say they are another plan's action's history. */
const carriedLines = (card: unknown) => allText(card).split("\n").filter((l) => /in the previous plan/.test(l));

describe("a refreshed card keeps carried history", () => {
  it("the digest shows the history of several carried actions (the ground the next tests stand on)", () => {
    expect(carried.length).toBeGreaterThanOrEqual(3);
    for (const c of carried) expect(allText(samCard)).toContain(`(on ${c.from.reference} in the previous plan)`);
  });

  it("after Save update on one carried action, the others still show their carried last update: three requests at most", async () => {
    const [first, ...others] = carried;
    const b = button(samCard, "eap.addUpdate", first.id);
    await resetSharePointStats(stack.site);
    latest = await invoke(SAM, b.verb, { ...b.data, [`text-${first.id}`]: "Started in the new plan", [`status-${first.id}`]: "on-track" });
    const requests = await sharePointRequests(stack.site);

    const text = allText(latest);
    expect(text).toContain("Update saved.");
    expect(requests).toBeLessThanOrEqual(3);
    for (const c of others) expect(text).toContain(`(on ${c.from.reference} in the previous plan)`);
    expect(carriedLines(latest).some((l) => l.includes(others[0].from.summary.slice(0, 40)))).toBe(true);
    // The action updated now has its own last update: the previous plan's is no longer shown for it.
    expect(text).not.toContain(`(on ${first.from.reference} in the previous plan)`);
    expect(text).toContain("Started in the new plan");
  });

  it("the source handed to someone else is still read, by the id the card names, in the press's one request", async () => {
    const last = carried.at(-1) as (typeof carried)[number];
    // The source is no longer among the officer's own actions (a handover of the old plan's action).
    const source = await getAction(leadSp(), last.from.id);
    const hannahCard = cardOf(stack.capture.sentTo(conversationOf(HANNAH))[0].activity);
    const hannah = (await getAction(leadSp(), actionIdsOnCard(hannahCard)[0])).ownerId;
    expect(hannah).not.toBe(source.ownerId);
    await updateAction(leadSp(), source.id, source.etag as string, { ownerId: hannah });

    const refresh = (latest.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
    expect(refresh.data.history).toContain(last.from.id);
    await resetSharePointStats(stack.site);
    const card = await invoke(SAM, refresh.verb, refresh.data);
    expect(await sharePointRequests(stack.site)).toBe(1);
    expect(allText(card)).toContain(`(on ${last.from.reference} in the previous plan)`);

    // Without the card naming it, the source (no longer Sam's) is not read and not shown: the hint is what did it.
    const bare = await invoke(SAM, refresh.verb, { ...refresh.data, history: [] });
    expect(allText(bare)).not.toContain(`(on ${last.from.reference} in the previous plan)`);
  });

  it("attack: a card naming someone else's actions as history shows nothing of them", async () => {
    const hannahCard = cardOf(stack.capture.sentTo(conversationOf(HANNAH))[0].activity);
    const refresh = (hannahCard.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
    const card = await invoke(HANNAH, refresh.verb, { ...refresh.data, history: carried.map((c) => c.from.id) });
    const text = allText(card);
    expect(actionIdsOnCard(card).length).toBeGreaterThan(0);
    for (const c of carried) {
      expect(text).not.toContain(c.from.reference);
      expect(text).not.toContain(c.from.summary.slice(0, 40));
    }
  });

  it("a card naming more actions than a card can show is refused, nothing read", async () => {
    const refresh = (samCard.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
    const card = await invoke(SAM, refresh.verb, { ...refresh.data, history: Array.from({ length: 61 }, (_, i) => i + 1) });
    expect(allText(card)).toMatch(/This card could not be read/);
  });
});

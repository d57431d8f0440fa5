/**
 * The same outcomes with a fifth of SharePoint requests failing (429 and 503, with Retry-After): PnPjs retries,
 * and nothing is sent twice, missed, or written by someone who may not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConversations } from "../../../src/data/conversations/index.ts";
import { createSp, getAction, getUpdatesForAction } from "../../../src/data/index.ts";
import { getLedgerSince } from "../../../src/data/ledger/index.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import {
  allText,
  botAuth,
  type BotUnderTest,
  cardOf,
  conversationOf,
  executeActions,
  installEveryone,
  invokeActivity,
  NOW,
  SEED_PEOPLE,
  stackPerFile,
  startBot,
} from "../../helpers/bot-harness.ts";

const stack = stackPerFile({ site: { faults: "429:0.1,503:0.1", seed: 42 }, install: false });
/** A second instance of the bot on the same site. */
let other: BotUnderTest;
beforeAll(async () => {
  other = await startBot(stack.site, stack.capture);
}, 60_000);
afterAll(async () => {
  await other?.close();
});

const botSp = () => createSp(stack.site.siteUrl, botAuth(), { retryIntervalMs: 10 });

describe("with 20% of SharePoint requests failing", () => {
  it("saves every conversation reference once", async () => {
    await installEveryone(stack.bot, stack.capture);
    await installEveryone(other, stack.capture); // the second instance sees the same people again: no duplicates
    const refs = await getConversations(botSp());
    expect(refs).toHaveLength(SEED_PEOPLE.length);
  });

  it("two instances running together send one digest per officer, and a second run sends nothing", async () => {
    const [a, b] = await Promise.all([stack.bot.runtime.runReminders({ now: NOW }), other.runtime.runReminders({ now: NOW })]);
    expect(a.sent + b.sent).toBe(5);
    const counts = SEED_PEOPLE.map((p) => stack.capture.sentTo(conversationOf(p.upn)).length);
    expect(counts.filter((n) => n > 0)).toEqual([1, 1, 1, 1, 1]);
    const ledger = await getLedgerSince(botSp(), new Date(0));
    expect(ledger.every((e) => e.state === "sent")).toBe(true);

    const before = stack.capture.attempts.length;
    const again = await stack.bot.runtime.runReminders({ now: new Date(NOW.getTime() + 3600_000) });
    expect(again.sent).toBe(0);
    expect(stack.capture.attempts.length).toBe(before);
  }, 60_000);

  it("an update from a card is written once; a non-responsible person is refused and nothing is written", async () => {
    const card = cardOf(stack.capture.sentTo(conversationOf(SEED_UPNS.housing))[0].activity);
    const b = executeActions(card).find((x) => x.verb === "eap.addUpdate");
    if (!b) throw new Error("no Add update button");
    const id = Number(b.data.actionId);
    const lead = stack.site.spAs(SEED_UPNS.equalitiesLead);

    const refused = await stack.bot.post(invokeActivity(SEED_UPNS.procurement, stack.capture, b.verb, { ...b.data, [`text-${id}`]: "not mine", [`status-${id}`]: "on-track" }));
    expect(allText((refused.body as { value: unknown }).value)).toMatch(/Only the action's responsible officers/);
    expect(await getUpdatesForAction(lead, id)).toHaveLength(0);

    const r = await stack.bot.post(invokeActivity(SEED_UPNS.housing, stack.capture, b.verb, { ...b.data, [`text-${id}`]: "Survey sent to tenants", [`status-${id}`]: "on-track" }));
    expect(allText((r.body as { value: unknown }).value)).toContain("Update saved.");
    const updates = await getUpdatesForAction(lead, id);
    expect(updates.map((u) => u.text)).toEqual(["Survey sent to tenants"]);
    expect((await getAction(lead, id)).lastUpdateSummary).toBe("Survey sent to tenants");
  }, 30_000);

  it("the injected faults really happened", async () => {
    const stats = (await (await fetch(`${stack.site.baseUrl}/_local/stats`)).json()) as { errors: Record<string, number> };
    expect((stats.errors["429"] ?? 0) + (stats.errors["503"] ?? 0)).toBeGreaterThan(5);
  });
});

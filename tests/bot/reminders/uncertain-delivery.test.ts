/**
 * A send that Teams may have delivered is never repeated. Attack on the old rule ("retry 5xx"): Teams took the
 * digest and then answered 502, four times over; the officer received the same digest five times.
 */
import { describe, expect, it } from "vitest";
import { createSp } from "../../../src/data/index.ts";
import { getLedgerSince } from "../../../src/data/ledger/index.ts";
import { SEED_UPNS } from "../../../src/seed/people.ts";
import { botAuth, conversationOf, digestsTo, NOW, perTest, type Stack } from "../../helpers/bot-harness.ts";

const tests = perTest();
const setup = tests.stack;

const SAM = conversationOf(SEED_UPNS.equalitiesLead);

describe("uncertain deliveries", () => {
  for (const [what, arrange] of [
    ["a 502 after Teams took the message", (c: Stack["capture"]) => c.deliverThenFail(SAM, 502, 5)],
    ["no answer within the send timeout", (c: Stack["capture"]) => c.deliverLate(SAM, 3_000, 5)],
  ] as const) {
    it(`${what}: sent once, recorded as uncertain, not sent again by this run or the next`, async () => {
      const { site, capture, bot } = await setup({ sendTimeoutMs: 500 });
      arrange(capture);
      const report = await bot.runtime.runReminders({ now: NOW });
      expect(digestsTo(capture, SAM)).toHaveLength(1);
      const sam = report.digests.find((d) => d.upn === SEED_UPNS.equalitiesLead);
      expect(sam?.outcome).toBe("uncertain");
      expect(report.uncertain).toBe(1);
      const ledger = await getLedgerSince(createSp(site.siteUrl, botAuth()), new Date(0));
      const keys = new Set(sam?.nudgeKeys);
      expect(ledger.filter((e) => keys.has(e.key)).map((e) => e.state)).toEqual([...keys].map(() => "uncertain"));

      // After the lease, with Teams healthy again: those milestones are not sent again.
      capture.allow(SAM);
      const next = await bot.runtime.runReminders({ now: new Date(NOW.getTime() + 11 * 60_000) });
      expect(next.digests.find((d) => d.upn === SEED_UPNS.equalitiesLead)).toBeUndefined();
      expect(digestsTo(capture, SAM)).toHaveLength(1);
    }, 60_000);
  }

  it("429 and 412 are retried (Teams did not take them) and delivered once", async () => {
    const { capture, bot } = await setup({ sendTimeoutMs: 5_000 });
    capture.throttle(SAM, 2, 0);
    const HANNAH = conversationOf(SEED_UPNS.communications);
    capture.refuse(HANNAH, 412, 2);
    const report = await bot.runtime.runReminders({ now: NOW });
    expect(report.failed + report.uncertain).toBe(0);
    expect(capture.attempts.filter((a) => a.conversationId === SAM).map((a) => a.status)).toEqual([429, 429, 201]);
    expect(capture.attempts.filter((a) => a.conversationId === HANNAH).map((a) => a.status)).toEqual([412, 412, 201]);
    expect(digestsTo(capture, SAM)).toHaveLength(1);
    expect(digestsTo(capture, HANNAH)).toHaveLength(1);
  }, 60_000);
});

/**
 * Exactly once per (action, lead time, officer), whatever happens: two instances at the same moment, a bot killed
 * between claiming and sending, a graceful stop half-way through a run.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createSp } from "../../../src/data/index.ts";
import { getLedgerSince } from "../../../src/data/ledger/index.ts";
import { startBatchInterleaver } from "../../helpers/batch-interleaver.ts";
import type { CaptureServer } from "../../helpers/capture-server.ts";
import { botAuth, conversationOf, NOW, perTest, SEED_PEOPLE, type Site, startBot } from "../../helpers/bot-harness.ts";

const here = dirname(fileURLToPath(import.meta.url));
const tests = perTest();
const setup = tests.stack;

/** Digests delivered per person (POSTs carrying a card with actions). */
function digestsPerPerson(capture: CaptureServer): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of SEED_PEOPLE) out.set(p.upn, capture.sentTo(conversationOf(p.upn)).length);
  return out;
}

async function expectEachOfficerOnce(site: Site, capture: CaptureServer, expectedOfficers: number) {
  const per = digestsPerPerson(capture);
  const counts = [...per.values()].filter((n) => n > 0);
  expect(counts).toHaveLength(expectedOfficers);
  expect(counts.every((n) => n === 1)).toBe(true);
  const ledger = await getLedgerSince(createSp(site.siteUrl, botAuth()), new Date(0));
  expect(ledger.length).toBeGreaterThan(0);
  expect(ledger.filter((e) => e.state !== "sent")).toEqual([]);
  return ledger;
}

const OFFICERS = 5; // owners of the seeded current plan's open actions

describe("exactly once", () => {
  it("two runtimes started together against the same site send each digest once", async () => {
    const { site, capture, bot } = await setup();
    const other = await startBot(site, capture);
    tests.later(() => other.close());
    const [a, b] = await Promise.all([bot.runtime.runReminders({ now: NOW }), other.runtime.runReminders({ now: NOW })]);
    expect(a.sent + b.sent).toBe(OFFICERS);
    await expectEachOfficerOnce(site, capture, OFFICERS);
  }, 60_000);

  for (const mode of ["independent", "cascade"] as const) {
    it(`two instances whose claim batches interleave part by part (${mode} changeset parts) never both send to one officer`, async () => {
      const { site, capture, bot } = await setup();
      // Ledger writes ($batch with POST or MERGE to the ledger) race part by part; everything else passes through.
      const proxy = await startBatchInterleaver(site.siteUrl, { mode, interleave: (body) => /Reminder(%20| )Ledger/.test(body) && /^(POST|MERGE) /m.test(body) });
      tests.later(() => proxy.close());
      const a = await startBot({ ...site, siteUrl: proxy.siteUrl }, capture);
      tests.later(() => a.close());
      const b = await startBot({ ...site, siteUrl: proxy.siteUrl }, capture);
      tests.later(() => b.close());
      const [ra, rb] = await Promise.all([a.runtime.runReminders({ now: NOW }), b.runtime.runReminders({ now: NOW })]);
      expect(proxy.pairs).toBeGreaterThan(0);
      const per = digestsPerPerson(capture);
      expect([...per.values()].filter((n) => n > 1)).toEqual([]);
      expect(ra.sent + rb.sent).toBe(OFFICERS);
      // Nothing was lost: a run after the lease finds every nudge sent.
      const later = await bot.runtime.runReminders({ now: new Date(NOW.getTime() + 11 * 60_000) });
      expect(later.sent).toBe(0);
      expect(later.nudgesDue + later.figuresDue + later.reviewsDue).toBe(0);
    }, 60_000);
  }

  it("a bot killed between claiming and sending: a run inside the lease repeats nothing, one after it misses nothing", async () => {
    const { site, capture, bot } = await setup();
    capture.hold(); // sends hang: the child has claimed and is sending when it dies
    const child = spawn(process.execPath, ["--import", "tsx", join(here, "fixtures", "run-once.ts")], {
      env: { ...process.env, EAP_TEST_SITE: site.siteUrl, EAP_TEST_NOW: NOW.toISOString() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (b: Buffer) => {
      stderr += b.toString();
    });
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    tests.later(async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    try {
      await capture.waitFor(() => capture.held() >= 1, 30_000);
    } catch (err) {
      throw new Error(`the child never sent: ${stderr.slice(-1000)} (${err})`);
    }
    child.kill("SIGKILL");
    await exited;
    capture.release(); // the held requests die with the process: nothing was delivered
    expect(capture.delivered.filter((d) => d.method === "POST")).toHaveLength(0);

    const sp = createSp(site.siteUrl, botAuth());
    // The dead instance held each officer's digest of the day; it recorded no nudge as sent.
    const claimed = await getLedgerSince(sp, new Date(0), { officersDigests: true });
    expect(claimed.map((e) => e.state)).toEqual(Array.from({ length: OFFICERS }, () => "pending"));
    expect(claimed.every((e) => e.key.startsWith("digest:2026-11-24:"))).toBe(true);

    // Within the lease the claims are the dead instance's: nothing is sent twice.
    const inLease = await bot.runtime.runReminders({ now: new Date(NOW.getTime() + 60_000) });
    expect(inLease.sent).toBe(0);
    // Every nudge the dead instance held: action milestones, and the values it was to ask for.
    expect(inLease.nudgesTaken).toBe(inLease.nudgesDue + inLease.figuresDue + inLease.reviewsDue);

    // After the lease they are taken over and sent, once each.
    const after = await bot.runtime.runReminders({ now: new Date(NOW.getTime() + 11 * 60_000) });
    expect(after.sent).toBe(OFFICERS);
    const ledger = await expectEachOfficerOnce(site, capture, OFFICERS);
    expect(ledger).toHaveLength(inLease.nudgesDue + inLease.figuresDue); // an EqIA's rows (negative ids) are not read here
    const digests = await getLedgerSince(sp, new Date(0), { officersDigests: true });
    const taken = digests.filter((e) => e.key.startsWith("digest:"));
    expect(taken.map((e) => [e.key, e.state, e.attempts])).toEqual(claimed.map((e) => [e.key, "sent", 2]));
  }, 90_000);

  it("stop() in the middle of a run finishes sends in flight and releases the rest for the next run", async () => {
    const { site, capture, bot } = await setup({ sendsPerSecond: 1 });
    const run = bot.runtime.runReminders({ now: NOW });
    await capture.waitFor(() => capture.delivered.filter((d) => d.method === "POST").length >= 2, 20_000);
    await bot.runtime.stop();
    const report = await run;
    expect(report.digests.some((d) => d.outcome === "stopped")).toBe(true);
    const firstBatch = report.sent;
    expect(firstBatch).toBeGreaterThanOrEqual(2);
    expect(firstBatch).toBeLessThan(OFFICERS);
    const sp = createSp(site.siteUrl, botAuth());
    // The officers not reached are released at once (their digest rows "failed"), none left pending.
    const ledger = await getLedgerSince(sp, new Date(0), { officersDigests: true });
    expect(ledger.filter((e) => e.key.startsWith("digest:") && e.state === "failed")).toHaveLength(OFFICERS - firstBatch);
    expect(ledger.some((e) => e.state === "pending")).toBe(false);

    // A new instance, a minute later: no lease to wait for, sends only what was not sent.
    const next = await startBot(site, capture);
    tests.later(() => next.close());
    const second = await next.runtime.runReminders({ now: new Date(NOW.getTime() + 60_000) });
    expect(second.sent).toBe(OFFICERS - firstBatch);
    await expectEachOfficerOnce(site, capture, OFFICERS);
  }, 60_000);
});

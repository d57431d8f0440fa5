/**
 * Exactly once per (action, lead time, officer), whatever happens: two instances at the same moment, a bot killed
 * between claiming and sending, a graceful stop half-way through a run.
 */
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createSp } from "../../src/data/index.ts";
import { getLedgerSince } from "../../src/data/ledger/index.ts";
import type { CaptureServer } from "../helpers/capture-server.ts";
import { botAuth, type BotUnderTest, conversationOf, installEveryone, NOW, SEED_PEOPLE, type Site, startBot, startCaptureServer, startSite } from "./harness.ts";

const here = dirname(fileURLToPath(import.meta.url));
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(extra: Parameters<typeof startBot>[2] = {}): Promise<{ site: Site; capture: CaptureServer; bot: BotUnderTest }> {
  const site = await startSite();
  cleanups.push(() => site.close());
  const capture = await startCaptureServer();
  cleanups.push(() => capture.close());
  const bot = await startBot(site, capture, extra);
  cleanups.push(() => bot.close());
  await installEveryone(bot, capture);
  return { site, capture, bot };
}

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
    cleanups.push(() => other.close());
    const [a, b] = await Promise.all([bot.runtime.runReminders({ now: NOW }), other.runtime.runReminders({ now: NOW })]);
    expect(a.sent + b.sent).toBe(OFFICERS);
    await expectEachOfficerOnce(site, capture, OFFICERS);
  }, 60_000);

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
    cleanups.push(async () => {
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
    const claimed = await getLedgerSince(sp, new Date(0));
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.every((e) => e.state === "pending")).toBe(true);

    // Within the lease the claims are the dead instance's: nothing is sent twice.
    const inLease = await bot.runtime.runReminders({ now: new Date(NOW.getTime() + 60_000) });
    expect(inLease.sent).toBe(0);
    expect(inLease.nudgesTaken).toBe(claimed.length);

    // After the lease they are taken over and sent, once each.
    const after = await bot.runtime.runReminders({ now: new Date(NOW.getTime() + 11 * 60_000) });
    expect(after.sent).toBe(OFFICERS);
    const ledger = await expectEachOfficerOnce(site, capture, OFFICERS);
    expect(ledger.map((e) => e.key).sort()).toEqual(claimed.map((e) => e.key).sort());
    expect(ledger.every((e) => e.attempts === 2)).toBe(true);
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
    const ledger = await getLedgerSince(sp, new Date(0));
    expect(ledger.some((e) => e.state === "failed")).toBe(true);
    expect(ledger.some((e) => e.state === "pending")).toBe(false);

    // A new instance, a minute later: no lease to wait for, sends only what was not sent.
    const next = await startBot(site, capture);
    cleanups.push(() => next.close());
    const second = await next.runtime.runReminders({ now: new Date(NOW.getTime() + 60_000) });
    expect(second.sent).toBe(OFFICERS - firstBatch);
    await expectEachOfficerOnce(site, capture, OFFICERS);
  }, 60_000);
});

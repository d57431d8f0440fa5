/** The pacer spreads sends evenly at Teams' allowance, slows down on a 429 and recovers by itself. */
import { describe, expect, it } from "vitest";
import { Pacer, PER_CONVERSATION_RULES } from "../../../src/bot/sending/pacer.ts";

function mostInWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, lo = 0; i < times.length; i++) {
    while (times[i] - times[lo] >= windowMs) lo++;
    most = Math.max(most, i - lo + 1);
  }
  return most;
}

describe("pacer", () => {
  it("starts at most its pace in any second, spread out, app-wide", async () => {
    const pacer = new Pacer({ perSecond: 28 });
    const starts: number[] = [];
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 60 }, (_, i) => pacer.acquire(`conv-${i}`).then((t) => starts.push(t))));
    starts.sort((a, b) => a - b);
    expect(mostInWindow(starts, 1_000)).toBeLessThanOrEqual(28);
    // Spread out, not in bursts: no two starts closer than half the pace's interval (a late timer kept on the grid).
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(1000 / 28 / 2 - 0.5);
    expect(performance.now() - t0).toBeGreaterThan((59 * 1000) / 28 - 50);
  });

  it("keeps one conversation within Teams' per-conversation limits", async () => {
    const pacer = new Pacer({ perSecond: 28 });
    const starts: number[] = [];
    for (let i = 0; i < 10; i++) starts.push(await pacer.acquire("one-conversation"));
    for (const r of PER_CONVERSATION_RULES) expect(mostInWindow(starts, r.windowMs)).toBeLessThanOrEqual(r.limit);
  });

  it("on a 429 halves its pace once for the sends in flight, holds every start until Retry-After, then recovers", async () => {
    let now = 0;
    const pacer = new Pacer({ perSecond: 28, recoverPerSecond: 7, clock: () => now });
    const started = await pacer.acquire("a");
    pacer.throttled(started, 1_000);
    pacer.throttled(started, 1_000); // another send of the same moment: no second halving
    expect(pacer.perSecond).toBe(14);
    expect(pacer.stats).toEqual({ throttled: 2, lowestPerSecond: 14 });
    let resolved = false;
    const next = pacer.acquire("b").then((t) => {
      resolved = true;
      return t;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(resolved).toBe(false); // held by Retry-After
    now = 1_000;
    expect(await next).toBe(1_000);
    now = 3_000; // two seconds without a 429
    await pacer.acquire("c");
    expect(pacer.perSecond).toBe(28);
  });
});

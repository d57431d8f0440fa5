/**
 * Graph throttling during installation: a proxy in front of the local Graph answers the first installs 429 with a
 * fractional Retry-After, in Graph's envelope. Every officer is still installed and reached once, and no install
 * is attempted again before the Retry-After has passed.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunReport } from "../../../src/bot/index.ts";
import { readBody } from "../../helpers/capture-server.ts";
import { NOW, type ReachStack, startReachStack } from "../../helpers/reach-stack.ts";

const RETRY_AFTER_S = 0.6;
const THROTTLED = 3;
let s: ReachStack;
let proxy: Server;
let report: RunReport;
const installs: Array<{ at: number; status: number; user: string }> = [];

beforeAll(async () => {
  s = await startReachStack({
    graphUrl: async (graphBase) => {
      let left = THROTTLED;
      proxy = createServer(async (req, res) => {
        const body = await readBody(req);
        const isInstall = req.method === "POST" && /\/teamwork\/installedApps$/.test(req.url ?? "");
        if (isInstall && left > 0) {
          left--;
          installs.push({ at: Date.now(), status: 429, user: req.url ?? "" });
          res.writeHead(429, { "content-type": "application/json", "retry-after": String(RETRY_AFTER_S) });
          res.end(JSON.stringify({ error: { code: "TooManyRequests", message: "Please retry again later.", innerError: { code: "429" } } }));
          return;
        }
        const r = await fetch(`${graphBase}${(req.url ?? "").replace(/^\/v1\.0/, "")}`, { method: req.method, headers: { authorization: req.headers.authorization ?? "", "content-type": "application/json" }, body: body || undefined });
        if (isInstall) installs.push({ at: Date.now(), status: r.status, user: req.url ?? "" });
        const text = await r.text();
        res.writeHead(r.status, { "content-type": r.headers.get("content-type") ?? "application/json" });
        res.end(text);
      });
      await new Promise<void>((ok) => proxy.listen(0, "127.0.0.1", ok));
      return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/v1.0`;
    },
  });
  report = await s.bot.runReminders({ now: NOW });
}, 120_000);
afterAll(async () => {
  await s?.close();
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
});

it("waits out each 429's Retry-After, then installs for and reaches every officer once", () => {
  expect(report.graphThrottled).toBe(THROTTLED);
  const sent = report.digests.filter((d) => d.outcome === "sent");
  expect(sent.length).toBe(report.installed);
  expect(report.installed).toBeGreaterThanOrEqual(3);
  expect(report.failed).toBe(0);
  const cards = s.capture.delivered.filter((c) => c.method === "POST");
  expect(cards).toHaveLength(sent.length);
  expect(new Set(cards.map((c) => c.conversationId)).size).toBe(sent.length);
  // Each officer whose install was throttled was installed again only after the Retry-After (requests already in
  // flight when the 429 came back may land sooner: they were sent before anyone knew).
  const throttled = installs.filter((i) => i.status === 429);
  expect(throttled).toHaveLength(THROTTLED);
  for (const t of throttled) {
    const retry = installs.find((i) => i.user === t.user && i.at > t.at);
    expect(retry, t.user).toBeDefined();
    expect((retry?.at ?? 0) - t.at).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 20);
  }
  expect(installs.filter((i) => i.status === 201)).toHaveLength(report.installed);
});

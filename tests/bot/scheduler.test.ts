/** A run past its deadline shows as stuck in the bot's health() and makes the production server not ready. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/index.ts";
import { loadServerConfig } from "../../src/config/server-config.ts";
import { createLogger, type ProductionServer, startProductionServer } from "../../src/server/index.ts";
import { type BotUnderTest, installEveryone, NOW, type Site, startBot, startCaptureServer, startSite } from "../helpers/bot-harness.ts";
import type { CaptureServer } from "../helpers/capture-server.ts";

let site: Site;
let capture: CaptureServer;
let installer: BotUnderTest;
let server: ProductionServer;
let tabDir: string;

beforeAll(async () => {
  site = await startSite();
  capture = await startCaptureServer();
  installer = await startBot(site, capture);
  await installEveryone(installer, capture);
  tabDir = mkdtempSync(join(tmpdir(), "eap-tab-"));
  writeFileSync(join(tabDir, "index.html"), "<!doctype html><title>EAP</title>");
  const config = loadServerConfig({ mode: "local", port: 0, siteUrl: site.siteUrl, tabDir, reminders: false, botSkipAuth: true }, {});
  server = await startProductionServer(config, {
    logger: createLogger("silent"),
    // The real bot, with a short deadline and the test's clock and outbound token.
    createBot: (o) => createBot({ ...o, runDeadlineMs: 300, sendTimeoutMs: 60_000, token: async () => "t", now: () => NOW }),
  });
}, 60_000);
afterAll(async () => {
  capture?.release();
  await server?.stop();
  await installer?.close();
  await capture?.close();
  await site?.close();
  if (tabDir) rmSync(tabDir, { recursive: true, force: true });
});

describe("a stuck reminder run", () => {
  it("is reported by health() and by /readyz, which recovers when the run ends", async () => {
    const bot = server.bot?.runtime;
    if (!bot) throw new Error("no bot mounted");
    expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
    capture.hold(); // Teams takes the sends and never answers
    const run = bot.runReminders({ now: NOW });
    await capture.waitFor(() => capture.held() > 0, 20_000);
    await new Promise((r) => setTimeout(r, 400));
    expect(bot.health()).toMatchObject({ ok: false, running: [{ job: "reminder run" }] });
    const ready = await fetch(`${server.origin}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).problems).toEqual([expect.stringMatching(/^the reminder run started at .* has run for [\d.]+ s, past its 0\.3 s deadline/)]);
    capture.release(); // the held requests are dropped: delivery uncertain, the run ends
    const report = await run;
    expect(report.uncertain).toBeGreaterThan(0);
    expect(bot.health()).toEqual({ ok: true, problems: [], running: [] });
    expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
  }, 60_000);
});

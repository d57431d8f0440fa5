/** `eap remind`: the operator's single run, through the real CLI process, against the local site. */
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_UPNS } from "../../src/seed/people.ts";
import type { CaptureServer } from "../helpers/capture-server.ts";
import { type BotUnderTest, conversationOf, installEveryone, NOW, type Site, startBot, startCaptureServer, startSite } from "./harness.ts";

const run = promisify(execFile);
const eap = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "bin", "eap.mjs");
let site: Site;
let capture: CaptureServer;
let bot: BotUnderTest;

beforeAll(async () => {
  site = await startSite();
  capture = await startCaptureServer();
  bot = await startBot(site, capture);
  await installEveryone(bot, capture);
}, 60_000);
afterAll(async () => {
  await bot?.close();
  await capture?.close();
  await site?.close();
});

const cli = (...args: string[]) => run(process.execPath, [eap, "remind", "--site", site.siteUrl, ...args], { env: { ...process.env, EAP_SITE_URL: "", NODE_ENV: "test" } });

describe("eap remind", () => {
  it("--dry-run prints who would get what and sends nothing", async () => {
    const { stdout } = await cli("--dry-run", "--now", NOW.toISOString());
    expect(stdout).toMatch(/dry run: nothing written or sent/);
    expect(stdout).toMatch(new RegExp(`Sam Kowalski <${SEED_UPNS.equalitiesLead}> would get a digest of 3 action\\(s\\)`));
    expect(capture.attempts).toHaveLength(0);
  }, 30_000);

  it("a run sends through the bot's code; running it again sends nothing", async () => {
    const first = await cli("--now", NOW.toISOString());
    expect(first.stdout).toMatch(/Sent 5, failed 0/);
    expect(capture.sentTo(conversationOf(SEED_UPNS.equalitiesLead))).toHaveLength(1);
    const second = await cli("--now", new Date(NOW.getTime() + 60_000).toISOString());
    expect(second.stdout).toMatch(/0 nudge\(s\) due/);
    expect(capture.delivered.filter((d) => d.method === "POST")).toHaveLength(5);
  }, 30_000);

  it("a bad --now is a usage error naming the value", async () => {
    await expect(cli("--now", "tomorrow")).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--now "tomorrow" is not an ISO date-time/) });
  }, 30_000);
});

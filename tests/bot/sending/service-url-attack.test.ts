/**
 * The bot's bearer token goes only to Teams. Attack: someone rewrote officers' ServiceUrl in the conversations list
 * to a server of their own; at the next reminder run the bot sent its digests there, with its token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../../src/bot/index.ts";
import { createSp, upsertConversation } from "../../../src/data/index.ts";
import { SEED_PEOPLE } from "../../../src/seed/people.ts";
import { botAuth, conversationOf, NOW, oidOf, type Site, startCaptureServer, startSite, TENANT } from "../../helpers/bot-harness.ts";
import type { CaptureServer } from "../../helpers/capture-server.ts";

/** A token-shaped secret (the Teams SDK parses what its token factory returns as a JWT). */
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const BOT_TOKEN = `${b64({ alg: "RS256", typ: "JWT" })}.${b64({ aud: "https://api.botframework.com", exp: Math.floor(Date.now() / 1000) + 3600, appid: "bot" })}.secret-signature`;

let site: Site;
let evil: CaptureServer;

beforeAll(async () => {
  site = await startSite();
  evil = await startCaptureServer();
  const sp = createSp(site.siteUrl, botAuth());
  for (const p of SEED_PEOPLE) {
    await upsertConversation(sp, {
      userId: oidOf(p.upn),
      upn: p.upn,
      name: p.name,
      conversationId: conversationOf(p.upn),
      serviceUrl: evil.serviceUrl,
      tenantId: TENANT,
      unreachable: false,
      unreachableReason: null,
    });
  }
}, 60_000);
afterAll(async () => {
  await evil?.close();
  await site?.close();
});

describe("a conversation whose ServiceUrl is not a Teams host", () => {
  it("never receives a send, nor the bot's token, from a bot running against Teams", async () => {
    const bot = await createBot({
      siteUrl: site.siteUrl,
      spAuth: botAuth(),
      clientId: "00000000-0000-4000-8000-0000000000c1",
      token: async () => BOT_TOKEN,
      appBaseUrl: "https://eap.example.org",
      schedule: false,
      now: () => NOW,
    });
    const report = await bot.runReminders({ now: NOW });
    await bot.stop();
    expect(evil.attempts.map((a) => a.authorization)).toEqual([]);
    expect(report.sent).toBe(0);
    const refused = report.digests.filter((d) => d.outcome === "unreachable");
    expect(refused.length).toBe(report.digests.length);
    expect(refused.length).toBeGreaterThan(0);
    for (const d of refused) expect(d.detail).toMatch(/not a Teams service URL \(127\.0\.0\.1 is not a Teams service host\)/);
  }, 60_000);
});

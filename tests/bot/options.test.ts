/** createBot refuses unsafe or broken settings with a clear, typed error. */
import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot/index.ts";
import { DevTokenAuth } from "../../src/data/index.ts";
import { BOT_IDENTITY } from "../helpers/bot-harness.ts";

const base = { siteUrl: "http://127.0.0.1:9/sites/x", spAuth: DevTokenAuth(BOT_IDENTITY), appBaseUrl: "http://127.0.0.1:5173", schedule: false as const };
const env = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = env;
});

describe("createBot settings", () => {
  it("refuses skipAuth when NODE_ENV=production", async () => {
    process.env.NODE_ENV = "production";
    await expect(createBot({ ...base, skipAuth: true })).rejects.toMatchObject({ reason: "config", message: expect.stringMatching(/local mode only/) });
  });

  it("requires a client id unless in local mode", async () => {
    await expect(createBot({ ...base })).rejects.toMatchObject({ reason: "config", message: expect.stringMatching(/clientId is required/) });
  });

  it("names a bad cron expression, time zone or policy", async () => {
    await expect(createBot({ ...base, skipAuth: true, schedule: { cron: "every morning", timezone: "Europe/London" } })).rejects.toMatchObject({
      message: expect.stringMatching(/schedule.cron "every morning" is not a valid cron expression/),
    });
    await expect(createBot({ ...base, skipAuth: true, schedule: { cron: "0 9 * * 1-5", timezone: "UTC" as "Europe/London" } })).rejects.toMatchObject({
      message: expect.stringMatching(/Europe\/London/),
    });
    await expect(createBot({ ...base, skipAuth: true, policy: { leadTimesDays: [] } })).rejects.toMatchObject({ message: expect.stringMatching(/invalid reminder policy/) });
    await expect(createBot({ ...base, skipAuth: true, appBaseUrl: "not a url" })).rejects.toMatchObject({ message: expect.stringMatching(/appBaseUrl "not a url" is not a URL/) });
  });

  it("refuses an email fallback without a sender or without Graph, and a proactive service URL that is not Teams'", async () => {
    const graph = { token: async () => "t" };
    await expect(createBot({ ...base, skipAuth: true, graph, email: { mode: "fallback" } })).rejects.toMatchObject({ message: expect.stringMatching(/needs email.sender/) });
    await expect(createBot({ ...base, skipAuth: true, email: { mode: "always", sender: "r@example.org" } })).rejects.toMatchObject({ message: expect.stringMatching(/needs graph/) });
    await expect(createBot({ ...base, clientId: "00000000-0000-4000-8000-000000000001", proactiveServiceUrl: "https://evil.example/" })).rejects.toMatchObject({
      message: expect.stringMatching(/proactiveServiceUrl is not a Teams service URL/),
    });
  });

  it("starts and stops with a schedule without listening anywhere itself", async () => {
    const bot = await createBot({ ...base, skipAuth: true, schedule: { cron: "0 9 * * 1-5", timezone: "Europe/London" } });
    await bot.start();
    await bot.stop();
    expect(typeof bot.http.get).toBe("function");
  });

  it("refuses an EDI channel whose service URL is not Teams', and skipAuth outside local mode", async () => {
    await expect(createBot({ ...base, clientId: "app", ediChannel: { conversationId: "19:x", serviceUrl: "https://evil.example/teams" } })).rejects.toMatchObject({
      reason: "config",
      message: expect.stringMatching(/ediChannel.serviceUrl is not a Teams service URL: evil.example is not a Teams service host/),
    });
    await expect(createBot({ ...base, skipAuth: true, mode: "teams" })).rejects.toMatchObject({ message: expect.stringMatching(/skipAuth is for local mode only/) });
  });

  it("lists every invalid setting at once", async () => {
    await expect(createBot({ ...base, appBaseUrl: "nope", siteUrl: "nope either", leaseMs: -1 })).rejects.toMatchObject({
      problems: [
        expect.stringMatching(/clientId is required/),
        expect.stringMatching(/appBaseUrl "nope" is not a URL/),
        expect.stringMatching(/siteUrl "nope either" is not a URL/),
        expect.stringMatching(/leaseMs "-1" must be a number above 0/),
      ],
    });
  });
});

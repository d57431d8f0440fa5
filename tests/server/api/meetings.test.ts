/**
 * GET /api/meetings/{id} over HTTP: the production server in local mode before a strict seeded SharePoint, the bot
 * reading the meeting from the local Teams stand-in with its own token. The review's date comes from the meeting
 * for the EDI group and the lead; Teams' refusals come through, said so; nobody else is answered; no request can
 * send the bot's token to a host of its choosing.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotRuntime, createBot } from "../../../src/bot/index.ts";
import { LOCAL_APP_IDENTITY } from "../../../src/config/local-identities.ts";
import { DevAppAuth, mintDevAppToken } from "../../../src/data/auth/dev-token.ts";
import { type MeetingsStandIn, type StandInMeeting, startMeetingsStandIn } from "../../../src/local/index.ts";
import { SEED_PEOPLE, SEED_UPNS } from "../../../src/seed/people.ts";
import { type ApiStack, startApiStack, startServerFor, tokenOf } from "../../helpers/api-stack.ts";

const b64 = (s: string) => Buffer.from(s).toString("base64");
/** 23:30 UTC on 1 July is 00:30 on 2 July in London (BST): the date is London's, not UTC's. */
const SUMMER: StandInMeeting = {
  id: b64("0#19:meeting_summer@thread.v2#0"),
  title: "EDI group: summer review",
  scheduledStartTime: "2026-07-01T23:30:00Z",
  scheduledEndTime: "2026-07-02T00:30:00Z",
  chatId: "19:meeting_summer@thread.v2",
  installed: true,
};
const NOT_ADDED: StandInMeeting = { ...SUMMER, id: b64("0#19:meeting_other@thread.v2#0"), chatId: "19:meeting_other@thread.v2", installed: false };
const UNKNOWN = b64("0#19:meeting_nobody@thread.v2#0");

let stack: ApiStack;
let teams: MeetingsStandIn;
let bot: BotRuntime;
let impostor: BotRuntime;
let useImpostor = false;
/** A host that must never hear from the server: it counts what reaches it. */
let attacker: Server;
let attackerHits = 0;
let attackerUrl: string;

const ediMember = SEED_PEOPLE.find((p) => p.ediGroup && p.upn !== SEED_UPNS.equalitiesLead)!.upn;
const officer = SEED_PEOPLE.find((p) => !p.ediGroup)!.upn;

async function botReading(token: () => Promise<string>): Promise<BotRuntime> {
  return createBot({
    siteUrl: stack.site.siteUrl,
    spAuth: DevAppAuth(LOCAL_APP_IDENTITY),
    skipAuth: true,
    server: createServer(),
    appBaseUrl: "http://127.0.0.1:5173",
    schedule: false,
    token,
    proactiveServiceUrl: teams.serviceUrl,
  });
}

async function get(path: string, as: string | null, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { ...headers };
  if (as) h.Authorization = `Bearer ${tokenOf(as)}`;
  const r = await fetch(`${stack.server.origin}${path}`, { headers: h });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  teams = await startMeetingsStandIn({ meetings: [SUMMER, NOT_ADDED], botAppId: LOCAL_APP_IDENTITY.appId });
  attacker = createServer((_req, res) => {
    attackerHits++;
    res.end("{}");
  });
  await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", r));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  stack = await startApiStack({ start: { api: { meeting: () => (useImpostor ? impostor.meeting : bot.meeting) } } });
  bot = await botReading(async () => mintDevAppToken(LOCAL_APP_IDENTITY));
  impostor = await botReading(async () => mintDevAppToken({ appId: "11111111-2222-4333-8444-555555555555", name: "Another app" }));
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await teams?.close();
  attacker?.closeAllConnections();
  await new Promise<void>((r) => (attacker ? attacker.close(() => r()) : r()));
});

describe("the meeting's date", () => {
  it("answers the lead with the meeting's London date and title (23:30 UTC in summer is the next day in London)", async () => {
    const r = await get(`/api/meetings/${encodeURIComponent(SUMMER.id)}`, SEED_UPNS.equalitiesLead);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      meetingId: SUMMER.id,
      date: "2026-07-02",
      title: "EDI group: summer review",
      scheduledStartTime: SUMMER.scheduledStartTime,
      scheduledEndTime: SUMMER.scheduledEndTime,
    });
  });

  it("answers a member of the EDI group", async () => {
    const r = await get(`/api/meetings/${encodeURIComponent(SUMMER.id)}`, ediMember);
    expect(r.status).toBe(200);
    expect(r.body.date).toBe("2026-07-02");
  });

  it("refuses an officer outside the EDI group before Teams is asked", async () => {
    const before = teams.requests();
    const r = await get(`/api/meetings/${encodeURIComponent(SUMMER.id)}`, officer);
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe("not-edi-group");
    expect(teams.requests()).toBe(before);
  });

  it("refuses a caller without a token (401) and a write (405)", async () => {
    expect((await get(`/api/meetings/${encodeURIComponent(SUMMER.id)}`, null)).status).toBe(401);
    const r = await fetch(`${stack.server.origin}/api/meetings/${encodeURIComponent(SUMMER.id)}`, { method: "POST", headers: { Authorization: `Bearer ${tokenOf(SEED_UPNS.equalitiesLead)}` } });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET");
  });

  it("says so when the app is not in the meeting (Teams' 403)", async () => {
    const r = await get(`/api/meetings/${encodeURIComponent(NOT_ADDED.id)}`, SEED_UPNS.equalitiesLead);
    expect(r.status).toBe(403);
    expect(r.body.reason).toBe("app-not-in-meeting");
  });

  it("says so when Teams does not know the meeting (404)", async () => {
    const r = await get(`/api/meetings/${encodeURIComponent(UNKNOWN)}`, SEED_UPNS.equalitiesLead);
    expect(r.status).toBe(404);
    expect(r.body.reason).toBe("meeting-not-found");
  });

  it("is unavailable (503) when Teams refuses the token: the stand-in reads only the bot's own", async () => {
    useImpostor = true;
    try {
      const r = await get(`/api/meetings/${encodeURIComponent(SUMMER.id)}`, SEED_UPNS.equalitiesLead);
      expect(r.status).toBe(503);
      expect(r.body.reason).toBe("teams-unavailable");
    } finally {
      useImpostor = false;
    }
  });
});

describe("when Teams does not answer", () => {
  it("gives up after the server's wait and says Teams is unavailable (503), so the tab goes on with today", async () => {
    // A Bot Connector that takes the request and never answers: only giving up can produce an answer.
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const slowBot = await createBot({
      siteUrl: stack.site.siteUrl,
      spAuth: DevAppAuth(LOCAL_APP_IDENTITY),
      skipAuth: true,
      server: createServer(),
      appBaseUrl: "http://127.0.0.1:5173",
      schedule: false,
      token: async () => mintDevAppToken(LOCAL_APP_IDENTITY),
      proactiveServiceUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`,
    });
    const server = await startServerFor(stack.config, { api: { meeting: () => slowBot.meeting, meetingTimeoutMs: 300 } });
    try {
      const r = await fetch(`${server.origin}/api/meetings/${encodeURIComponent(SUMMER.id)}`, { headers: { Authorization: `Bearer ${tokenOf(SEED_UPNS.equalitiesLead)}` } });
      expect(r.status).toBe(503);
      expect(((await r.json()) as { reason: string }).reason).toBe("teams-unavailable");
    } finally {
      await server.stop();
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});

describe("attack: sending the bot's token elsewhere", () => {
  it("ignores a service URL named in the query or the headers: the configured Bot Connector answers, the other host hears nothing", async () => {
    const q = new URLSearchParams({ serviceUrl: attackerUrl, service_url: attackerUrl });
    const r = await get(`/api/meetings/${encodeURIComponent(SUMMER.id)}?${q}`, SEED_UPNS.equalitiesLead, {
      "X-Service-Url": attackerUrl,
      "X-Forwarded-Host": new URL(attackerUrl).host,
    });
    expect(r.status).toBe(200);
    expect(r.body.date).toBe("2026-07-02");
    expect(attackerHits).toBe(0);
  });

  it("refuses a meeting id that would walk to another path of the Bot Connector (400, nothing asked)", async () => {
    const before = teams.requests();
    for (const id of ["..%2F..%2Fv3%2Fconversations", "abc%3Fx%3D1", `${encodeURIComponent("@")}${new URL(attackerUrl).host}`, "meeting.example.org"]) {
      const r = await get(`/api/meetings/${id}`, SEED_UPNS.equalitiesLead);
      expect(r.status, id).toBe(400);
      expect(r.body.reason).toBe("invalid");
    }
    expect(teams.requests()).toBe(before);
    expect(attackerHits).toBe(0);
  });
});

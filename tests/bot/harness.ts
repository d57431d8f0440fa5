/**
 * Test harness for the bot: a real local SharePoint with the seeded plan (dates moved near NOW), a capture server
 * standing in for Teams' Bot Connector, and the bot on a real HTTP server; activities are POSTed to its
 * /api/messages as Teams would. Nothing of ours is mocked.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { devIdentity, LOCAL_BOT_IDENTITY } from "../../src/config/local-identities.ts";
import { localSeedTarget, seedSite } from "../../src/seeding/seed-site.ts";
import { type BotOptions, type BotRuntime, createBot } from "../../src/bot/index.ts";
import { createSp, DevTokenAuth, type SPFI } from "../../src/data/index.ts";
import { SEED_PEOPLE, seedPerson } from "../../src/seed/people.ts";
import { type CaptureServer, startCaptureServer } from "../helpers/capture-server.ts";
import { startTestSharePoint, type TestSharePoint } from "../helpers/local-sharepoint.ts";

/** A Tuesday morning in London (GMT in November), not a bank holiday, outside quiet hours. */
export const NOW = new Date("2026-11-24T10:00:00Z");
export const TENANT = "00000000-0000-4000-8000-00000000da7a";
export const BOT_IDENTITY = LOCAL_BOT_IDENTITY;

export const conversationOf = (email: string) => `a:conv-${email.split("@")[0]}`;
export const teamsIdOf = (email: string) => `29:${email.split("@")[0]}`;
export const oidOf = (email: string) => devIdentity(email).oid;

export interface Site {
  siteUrl: string;
  baseUrl: string;
  planId: number;
  spAs(email: string): SPFI;
  server: TestSharePoint;
  close(): Promise<void>;
}

/** Seeds a fresh site; with `faults`, restarts the server on the same data with fault injection for the test. */
export async function startSite(opts: { faults?: string; seed?: number } = {}): Promise<Site> {
  let server = await startTestSharePoint();
  const seeded = await seedSite(localSeedTarget(server.siteUrl), { shiftToToday: true, now: NOW, say: () => {} });
  if (opts.faults) {
    const dataDir = server.dataDir;
    await server.close({ keepData: true });
    server = await startTestSharePoint({ dataDir, faults: opts.faults, seed: opts.seed ?? 7, retryAfterSeconds: 0 });
    const clean = server;
    const close = clean.close;
    clean.close = async () => {
      await close();
      const { rmSync } = await import("node:fs");
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const s = server;
  return {
    siteUrl: s.siteUrl,
    baseUrl: s.baseUrl,
    planId: seeded.planId,
    spAs: (email) => createSp(s.siteUrl, DevTokenAuth(devIdentity(email)), { retryIntervalMs: 20 }),
    server: s,
    close: () => s.close(),
  };
}

export interface BotUnderTest {
  runtime: BotRuntime;
  url: string;
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** `capture` is where the bot will send: activities carry its URL as their serviceUrl. */
export async function startBot(site: Site, _capture: CaptureServer, extra: Partial<BotOptions> = {}): Promise<BotUnderTest> {
  const server: Server = createServer();
  const runtime = await createBot({
    siteUrl: site.siteUrl,
    spAuth: DevTokenAuth(BOT_IDENTITY),
    skipAuth: true,
    server,
    appBaseUrl: "http://127.0.0.1:5173",
    schedule: false,
    token: async () => "test-bot-token",
    now: () => NOW,
    ...extra,
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  await runtime.start();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  return {
    runtime,
    url,
    post: async (activity) => {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    close: async () => {
      await runtime.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

let seq = 0;
function base(email: string, capture: CaptureServer, type: string) {
  const p = seedPerson(email);
  return {
    type,
    id: `act-${++seq}-${Date.now()}`,
    timestamp: new Date().toISOString(),
    serviceUrl: capture.serviceUrl,
    channelId: "msteams",
    from: { id: teamsIdOf(email), aadObjectId: oidOf(email), name: p?.name ?? email },
    recipient: { id: "28:eap-bot", name: "Equality Action Plan" },
    conversation: { id: conversationOf(email), conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

/** Teams' member API knows everyone (it is how the bot learns a UPN). */
export function registerMembers(capture: CaptureServer, emails: readonly string[] = SEED_PEOPLE.map((p) => p.upn)): void {
  for (const email of emails) {
    const p = seedPerson(email);
    // Teams gives the UPN and the mail apart; someone without a mailbox has no email.
    capture.members.set(teamsIdOf(email), { aadObjectId: oidOf(email), userPrincipalName: p?.upn ?? email, email: p ? (p.mail ?? undefined) : email, name: p?.name ?? email });
  }
}

export const installActivity = (email: string, capture: CaptureServer) => ({ ...base(email, capture, "installationUpdate"), action: "add" });
export const messageActivity = (email: string, capture: CaptureServer, text: string) => ({ ...base(email, capture, "message"), text });
export const invokeActivity = (email: string, capture: CaptureServer, verb: string, data: Record<string, unknown>, replyToId = "msg-1") => ({
  ...base(email, capture, "invoke"),
  name: "adaptiveCard/action",
  replyToId,
  value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
});

export async function installEveryone(bot: BotUnderTest, capture: CaptureServer, emails: readonly string[] = SEED_PEOPLE.map((p) => p.upn)): Promise<void> {
  registerMembers(capture, emails);
  for (const email of emails) {
    const r = await bot.post(installActivity(email, capture));
    if (r.status !== 200) throw new Error(`install for ${email} answered ${r.status}`);
  }
}

/** The Adaptive Card of a captured message. */
export function cardOf(activity: Record<string, unknown>): Record<string, unknown> {
  const att = (activity.attachments as Array<{ contentType: string; content: Record<string, unknown> }>)?.[0];
  if (att?.contentType !== "application/vnd.microsoft.card.adaptive") throw new Error("no adaptive card in the activity");
  return att.content;
}

/** Every Action.Execute anywhere in a card. */
export function executeActions(card: unknown): Array<{ verb: string; data: Record<string, unknown>; title: string }> {
  const out: Array<{ verb: string; data: Record<string, unknown>; title: string }> = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      const o = n as Record<string, unknown>;
      if (o.type === "Action.Execute" && o !== (card as Record<string, unknown>).refresh) out.push({ verb: String(o.verb), data: o.data as Record<string, unknown>, title: String(o.title) });
      for (const [k, v] of Object.entries(o)) if (k !== "refresh") walk(v);
    }
  };
  walk(card);
  return out;
}

/** Reminder digests delivered to a conversation (not the bot's answers to messages). */
export function digestsTo(capture: CaptureServer, conversationId: string) {
  return capture.sentTo(conversationId).filter((d) => d.activity.summary === "Your equality actions due");
}

export function actionIdsOnCard(card: unknown): number[] {
  return [...new Set(executeActions(card).map((a) => Number(a.data.actionId)))].sort((a, b) => a - b);
}

export function allText(card: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      const o = n as Record<string, unknown>;
      if (o.type === "TextBlock" && typeof o.text === "string") out.push(o.text);
      if (o.type === "FactSet") for (const f of o.facts as Array<{ title: string; value: string }>) out.push(`${f.title}: ${f.value}`);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out.join("\n");
}

export { startCaptureServer, SEED_PEOPLE };

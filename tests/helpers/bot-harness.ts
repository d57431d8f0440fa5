/**
 * Test harness for the bot: a real local SharePoint with the seeded plan (dates moved near NOW), a capture server
 * standing in for Teams' Bot Connector, and the bot on a real HTTP server; activities are POSTed to its
 * /api/messages as Teams would. Nothing of ours is mocked.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { DigestAction } from "../../src/bot/cards/digest-card.ts";
import { type BotOptions, type BotRuntime, createBot } from "../../src/bot/index.ts";
import { devIdentity, LOCAL_APP_IDENTITY, LOCAL_BOT_IDENTITY } from "../../src/config/local-identities.ts";
import { DevAppAuth } from "../../src/data/auth/dev-token.ts";
import { createSp, DevTokenAuth, type SPFI } from "../../src/data/index.ts";
import { provision } from "../../src/data/provision.ts";
import { SEED_PEOPLE, seedPerson } from "../../src/seed/people.ts";
import { type CaptureServer, startCaptureServer } from "./capture-server.ts";
import { LOCAL_APP_GRANT, startTestSharePoint } from "./local-sharepoint.ts";
import { startSeededSite } from "./seeded-site.ts";

/** A Tuesday morning in London (GMT in November), not a bank holiday, outside quiet hours. */
export const NOW = new Date("2026-11-24T10:00:00Z");
export const TENANT = "00000000-0000-4000-8000-00000000da7a";
export const BOT_IDENTITY = LOCAL_BOT_IDENTITY;
/** The bot signs in to SharePoint app-only, with the site grant the strict test server gives the product's app. */
export const botAuth = () => DevAppAuth(LOCAL_APP_IDENTITY);
/** The site as the app sees it: fixtures are written so, since no person's token writes the plan's lists. */
export const appSpOf = (site: Pick<Site, "siteUrl">): SPFI => createSp(site.siteUrl, botAuth());

export const conversationOf = (email: string) => `a:conv-${email.split("@")[0]}`;
export const teamsIdOf = (email: string) => `29:${email.split("@")[0]}`;
export const oidOf = (email: string) => devIdentity(email).oid;

export interface Site {
  siteUrl: string;
  baseUrl: string;
  planId: number;
  spAs(email: string): SPFI;
  close(): Promise<void>;
}

/**
 * Seeds a fresh site on the strict server, as production is and as `npm start` runs it: the seeded cast as an
 * Entra-shaped directory (tokens name people by object id; a UPN that is not the mail; an account without a
 * mailbox), the bot signing in app-only with its Sites.Selected-style grant, and the officer who has left marked
 * departed once the plan naming him is written. With `faults`, the server restarts on the same data with fault
 * injection for the test.
 */
export async function startSite(opts: { faults?: string; seed?: number } = {}): Promise<Site> {
  const s = await startSeededSite({
    shiftToToday: true,
    now: NOW,
    afterSeed: opts.faults ? { faults: opts.faults, seed: opts.seed ?? 7, retryAfterSeconds: 0 } : undefined,
  });
  return {
    siteUrl: s.siteUrl,
    baseUrl: s.baseUrl,
    planId: s.currentPlanId,
    spAs: (email) => createSp(s.siteUrl, DevTokenAuth(devIdentity(email)), { retryIntervalMs: 20 }),
    close: () => s.close(),
  };
}

/** A person of an Entra-shaped directory for the local server (`mail` null: no mailbox). */
export interface DirectoryPerson {
  upn: string;
  mail: string | null;
  name: string;
}

/**
 * A provisioned, empty site on a local server with an Entra-shaped directory: tokens must name its people by
 * object id (oidOf(upn)), and people resolve by UPN. The bot's identity is the first entry (the site's admin).
 */
export async function startDirectorySite(people: readonly DirectoryPerson[]): Promise<Site> {
  const entries = [{ upn: BOT_IDENTITY.upn, mail: null, name: BOT_IDENTITY.name, oid: BOT_IDENTITY.oid }, ...people.map((p) => ({ ...p, oid: oidOf(p.upn) }))].map((p) => ({
    id: p.oid,
    userPrincipalName: p.upn,
    mail: p.mail,
    displayName: p.name,
    accountEnabled: true,
    deleted: false,
  }));
  // The product's app has its site grant, as in a tenant: the bot signs in app-only.
  const s = await startTestSharePoint({ directory: entries, grants: LOCAL_APP_GRANT });
  await provision(createSp(s.siteUrl, DevTokenAuth(BOT_IDENTITY)));
  const nameOf = (upn: string) => people.find((p) => p.upn === upn)?.name ?? upn;
  return {
    siteUrl: s.siteUrl,
    baseUrl: s.baseUrl,
    planId: 0,
    spAs: (upn) => createSp(s.siteUrl, DevTokenAuth(upn === BOT_IDENTITY.upn ? BOT_IDENTITY : { upn, name: nameOf(upn), oid: oidOf(upn) }), { retryIntervalMs: 20 }),
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
    spAuth: botAuth(),
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

/** A seeded site, a Teams stand-in and a bot on them: what most bot tests start from. */
export interface Stack {
  site: Site;
  capture: CaptureServer;
  bot: BotUnderTest;
  close(): Promise<void>;
}

export interface StackOptions {
  site?: Parameters<typeof startSite>[0];
  bot?: Partial<BotOptions> | ((capture: CaptureServer) => Partial<BotOptions>);
  /** Install the app for everyone in the seed before the tests (default true). */
  install?: boolean;
  /** Runs on the seeded site before the bot starts (extra data for the test). */
  prepare?: (site: Site) => Promise<void>;
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const site = await startSite(opts.site);
  await opts.prepare?.(site);
  const capture = await startCaptureServer();
  const bot = await startBot(site, capture, typeof opts.bot === "function" ? opts.bot(capture) : opts.bot);
  if (opts.install ?? true) await installEveryone(bot, capture);
  return {
    site,
    capture,
    bot,
    close: async () => {
      await bot.close();
      await capture.close();
      await site.close();
    },
  };
}

/** startStack for a whole test file: started before its tests, closed after them. */
export function stackPerFile(opts: StackOptions = {}): Stack {
  const stack = {} as Stack;
  beforeAll(async () => {
    Object.assign(stack, await startStack(opts));
  }, 90_000);
  afterAll(async () => {
    await stack.close?.();
  });
  return stack;
}

/**
 * For tests that start their own stacks and servers: `stack()` starts one, `later(close)` registers anything else
 * to close; all are closed after the test, the last started first.
 */
export function perTest(): { stack(bot?: StackOptions["bot"]): Promise<Stack>; later(close: () => Promise<void>): void } {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of closers.splice(0).reverse()) await c();
  });
  return {
    stack: async (bot = {}) => {
      const s = await startStack({ bot });
      closers.push(() => s.close());
      return s;
    },
    later: (close) => {
      closers.push(close);
    },
  };
}

/** An action as a digest card takes it, due four days before NOW, with a last update: for card builder tests. */
export function sampleAction(id: number, over: Partial<DigestAction> = {}): DigestAction {
  return {
    id,
    reference: `CL-${id}`,
    text: `Run engagement event ${id}`,
    due: { date: "2026-11-20", precision: "day", kind: "deliver-by", text: "" },
    status: "on-track",
    disposition: "open",
    lastUpdateAt: "2026-11-21T09:00:00Z",
    lastUpdateSummary: "Venue booked",
    snoozedUntil: null,
    ...over,
  };
}

export { actionIdsOnCard, allText, cardOf, digestsTo, elementsOf, executeActions, markdownText } from "./card-reading.ts";
export { SEED_PEOPLE, startCaptureServer };

/** SharePoint HTTP requests the local server answered since the last reset (a $batch counts once). */
export async function sharePointRequests(site: Pick<Site, "baseUrl">): Promise<number> {
  const stats = (await (await fetch(`${site.baseUrl}/_local/stats`)).json()) as { requests: Record<string, number> };
  let total = 0;
  for (const [k, v] of Object.entries(stats.requests)) if (k !== "batch-parts" && k !== "throttled") total += v;
  return total - (stats.requests["batch-parts"] ?? 0);
}

export async function resetSharePointStats(site: Pick<Site, "baseUrl">): Promise<void> {
  await fetch(`${site.baseUrl}/_local/stats/reset`, { method: "POST" });
}

/**
 * A stack for reaching officers who never opened the app: the STRICT local SharePoint with the seeded plan and its
 * Microsoft Graph (the Teams app in the org catalog, the bot's app allowed to send as one shared mailbox), a
 * capture server for Teams' Bot Connector, and the bot configured with Graph and the email fallback. Nobody has a
 * conversation at the start. `directory` changes the cast first (a person the app policy blocks, one with no
 * Teams licence).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type BotOptions, type BotRuntime, createBot } from "../../src/bot/index.ts";
import { LOCAL_APP_IDENTITY, LOCAL_REMINDER_MAILBOX, LOCAL_TEAMS_APP_MANIFEST_ID } from "../../src/config/local-identities.ts";
import { DevAppAuth, mintDevAppToken } from "../../src/data/auth/dev-token.ts";
import { GRAPH_ROLES } from "../../src/graph/index.ts";
import { mailboxEntry, SEED_DIRECTORY_BEFORE_DEPARTURES } from "../../src/seed/directory.ts";
import { NOW } from "./bot-harness.ts";
import { type CaptureServer, startCaptureServer } from "./capture-server.ts";
import { LOCAL_APP_GRANT } from "./local-sharepoint.ts";
import { type SeededSite, startSeededSite } from "./seeded-site.ts";

export type DirectoryPerson = (typeof SEED_DIRECTORY_BEFORE_DEPARTURES)[number] & { teamsLicensed?: boolean; appPolicyBlocked?: boolean };

export interface ReachStack {
  site: SeededSite;
  capture: CaptureServer;
  bot: BotRuntime;
  /** The Graph base URL the bot uses (the local server's, or a proxy in front of it). */
  graphUrl: string;
  /** Starts another bot on the same site and Teams stand-in (a second instance, or other settings). */
  startBot(extra?: Partial<BotOptions>): Promise<BotRuntime>;
  close(): Promise<void>;
}

export const graphToken = () => Promise.resolve(mintDevAppToken({ ...LOCAL_APP_IDENTITY, roles: [...GRAPH_ROLES] }));

export async function startReachStack(
  opts: { directory?: (people: DirectoryPerson[]) => DirectoryPerson[]; bot?: Partial<BotOptions>; graphUrl?: (graphBase: string) => Promise<string> } = {},
): Promise<ReachStack> {
  const people: DirectoryPerson[] = SEED_DIRECTORY_BEFORE_DEPARTURES.map((p) => ({ ...p }));
  const directory = [...(opts.directory ? opts.directory(people) : people), mailboxEntry(LOCAL_REMINDER_MAILBOX)];
  const site = await startSeededSite({
    shiftToToday: true,
    now: NOW,
    afterSeed: {
      directory,
      grants: LOCAL_APP_GRANT,
      teamsApps: [{ manifestId: LOCAL_TEAMS_APP_MANIFEST_ID, appId: LOCAL_APP_IDENTITY.appId }],
      mailSenders: { [LOCAL_APP_IDENTITY.appId]: [LOCAL_REMINDER_MAILBOX] },
    },
  });
  const capture = await startCaptureServer();
  const graphBase = `${site.baseUrl}/v1.0`;
  const graphUrl = opts.graphUrl ? await opts.graphUrl(graphBase) : graphBase;
  const servers: Server[] = [];
  const bots: BotRuntime[] = [];
  const startBot = async (extra: Partial<BotOptions> = {}) => {
    const server = createServer();
    const bot = await createBot({
      siteUrl: site.siteUrl,
      spAuth: DevAppAuth(LOCAL_APP_IDENTITY),
      skipAuth: true,
      server,
      appBaseUrl: "http://127.0.0.1:5173",
      teamsAppId: LOCAL_TEAMS_APP_MANIFEST_ID,
      schedule: false,
      token: async () => "test-bot-token",
      now: () => NOW,
      graph: { baseUrl: graphUrl, token: graphToken },
      proactiveServiceUrl: capture.serviceUrl,
      email: { mode: "fallback", sender: LOCAL_REMINDER_MAILBOX },
      ...opts.bot,
      ...extra,
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    await bot.start();
    servers.push(server);
    bots.push(bot);
    return bot;
  };
  const bot = await startBot();
  return {
    site,
    capture,
    bot,
    graphUrl,
    startBot,
    close: async () => {
      for (const b of bots) await b.stop();
      for (const s of servers) {
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
      }
      await capture.close();
      await site.close();
    },
  };
}

/** The mail the local Graph sent (its outbox). */
export async function outbox(baseUrl: string): Promise<Array<{ id: string; from: string; to: string[]; subject: string; content: string; url: string }>> {
  const r = await fetch(`${baseUrl}/_local/outbox`);
  const body = (await r.json()) as unknown;
  return (Array.isArray(body) ? body : ((body as { value?: unknown[] }).value ?? [])) as never;
}

/** Graph requests the local server answered since the last stats reset, by kind. */
export async function graphStats(baseUrl: string): Promise<Record<string, number>> {
  const stats = (await (await fetch(`${baseUrl}/_local/stats`)).json()) as { requests: Record<string, number> };
  return Object.fromEntries(Object.entries(stats.requests).filter(([k]) => k.startsWith("graph")));
}

export { NOW };
export type { AddressInfo };

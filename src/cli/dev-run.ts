/**
 * `npm start`: the whole product on this machine, on 127.0.0.1 only —
 * the local SharePoint server (seeded, dates moved near today), the tab (vite, forwarding the write API's paths to the
 * production server's write API in local mode), the bot and Agents Playground —
 * then one block with every URL and who you can sign in as.
 *
 * The list server is the strict one, as awkward as a tenant: an Entra-shaped directory of the seeded cast (tokens
 * must name one of them; a UPN that is not the mail, an account without a mailbox), the bot signing in app-only
 * with a Sites.Selected-style grant, and the officer who has left marked departed once the plan naming him is written.
 */
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { LOCAL_APP_IDENTITY, LOCAL_REMINDER_MAILBOX, LOCAL_TEAMS_APP_MANIFEST_ID } from "../config/local-identities.ts";
import type { MeetingReader } from "../bot/meetings.ts";
import { DevAppAuth, mintDevAppToken } from "../data/auth/dev-token.ts";
import { startLocalSharePoint } from "../local/index.ts";
import { mailboxEntry, SEED_APP_POLICY_BLOCKED_UPN, SEED_DEPARTURES, SEED_DIRECTORY_BEFORE_DEPARTURES } from "../seed/directory.ts";
import { SEED_EQUALITIES_LEAD_UPN, SEED_PEOPLE, seedPerson } from "../seed/people.ts";
import { localSeedTarget, seedSite } from "../seeding/seed-site.ts";
import { demoRunInstant, describeDemoRun } from "./dev-reminder-run.ts";
import { DEV_MEETING_ID, devMeeting } from "./dev-meeting.ts";
import { startTeamsInbox } from "./dev-teams-inbox.ts";
import { CliError } from "./errors.ts";

export interface DevOptions {
  dataDir: string;
  ports: { sharepoint: number; tab: number; bot: number; playground: number };
  playground: boolean;
  now: Date;
  say: (m: string) => void;
}

export interface DevStack {
  urls: { tab: string; sharepoint: string; bot: string; playground: string | null };
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((ok, fail) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      fail(err.code === "EADDRINUSE" ? new CliError("config", `port ${port} on 127.0.0.1 is in use; choose another (see eap dev --help)`) : err),
    );
    server.listen(port, "127.0.0.1", () => ok((server.address() as AddressInfo).port));
  });
}

/** People who left after the seeded plan was written: their site users stay, SharePoint no longer resolves them. */
async function markDeparted(baseUrl: string, upns: readonly string[]): Promise<void> {
  for (const upn of upns) {
    const r = await fetch(`${baseUrl}/_local/directory/${encodeURIComponent(upn)}`, { method: "PATCH", body: JSON.stringify({ deleted: true }) });
    if (!r.ok) throw new CliError("config", `could not mark ${upn} as departed on the local list server: ${r.status} ${await r.text()}`);
  }
}

export async function runDev(o: DevOptions): Promise<DevStack> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => {});
  };
  try {
    const sharepoint = await startLocalSharePoint({
      port: o.ports.sharepoint,
      host: "127.0.0.1",
      dataDir: resolve(o.dataDir),
      sites: ["edi"],
      // One officer's app permission policy blocks the app: the first reminder run emails them instead.
      directory: [...SEED_DIRECTORY_BEFORE_DEPARTURES.map((p) => ({ ...p, appPolicyBlocked: p.userPrincipalName === SEED_APP_POLICY_BLOCKED_UPN })), mailboxEntry(LOCAL_REMINDER_MAILBOX)],
      grants: { [LOCAL_APP_IDENTITY.appId]: "write" },
      // The Teams app in Graph's org catalog (the bot may install only itself), and the one mailbox it may send as.
      teamsApps: [{ manifestId: LOCAL_TEAMS_APP_MANIFEST_ID, appId: LOCAL_APP_IDENTITY.appId }],
      mailSenders: { [LOCAL_APP_IDENTITY.appId]: [LOCAL_REMINDER_MAILBOX] },
    });
    closers.push(() => sharepoint.close());
    const siteUrl = sharepoint.siteUrl("edi");
    o.say(`Local SharePoint is up at ${siteUrl}; seeding…`);
    await seedSite(localSeedTarget(siteUrl), { shiftToToday: true, now: o.now, say: (m) => o.say(`  ${m}`) });
    await markDeparted(sharepoint.baseUrl, SEED_DEPARTURES);

    // The write API: the production server itself, in local mode (its bot off; the bot runs below with the
    // Playground), so the tab's writes take the one code path they take in a tenant. Vite forwards the API's paths (API_PREFIXES) to it.
    const { startProductionServer, API_PREFIXES } = await import("../server/index.ts");
    const { loadServerConfig } = await import("../config/server-config.ts");
    // Its bot is off, so a meeting's date is read through the bot started below (set once it runs).
    let meetingReader: MeetingReader | undefined;
    const api = await startProductionServer(
      loadServerConfig({ mode: "local", host: "127.0.0.1", port: 0, siteUrl, reminders: false, tabDir: resolve("dist/tab"), logLevel: "warn" }, {}),
      { api: { meeting: () => meetingReader } },
    );
    closers.push(() => api.stop());

    // The tab: vite's dev server, with its runtime config from the environment (see vite.config.ts).
    process.env.EAP_SITE_URL = siteUrl;
    process.env.EAP_MODE = "local";
    const { createServer: createVite } = await import("vite");
    const vite = await createVite({
      configFile: resolve("vite.config.ts"),
      server: { host: "127.0.0.1", port: o.ports.tab, strictPort: o.ports.tab !== 0, proxy: Object.fromEntries(API_PREFIXES.map((p) => [p, { target: api.origin }])) },
      logLevel: "warn",
    });
    await vite.listen();
    closers.push(() => vite.close());
    const tabUrl = (vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${o.ports.tab}/`).replace("localhost", "127.0.0.1");
    process.env.EAP_APP_BASE_URL = tabUrl.replace(/\/$/, "");

    // Where the bot's proactive sends go (conversations it opened by installing the app through Graph).
    // It also knows one meeting, the EDI group's review, in whose chat the app is installed (its date: the next
    // working morning's demo run, so the review in the meeting shows a date that is not today).
    const inbox = await startTeamsInbox({ meetings: [devMeeting(o.now)], botAppId: LOCAL_APP_IDENTITY.appId });
    closers.push(() => inbox.close());

    // The bot, on its own loopback server, reaching SharePoint with a development identity.
    const botServer = createHttpServer();
    const { createBot } = await import("../bot/index.ts");
    const { graphOptionsFor } = await import("../bot/graph-options.ts");
    const bot = await createBot({
      siteUrl,
      spAuth: DevAppAuth(LOCAL_APP_IDENTITY),
      skipAuth: true,
      server: botServer,
      appBaseUrl: tabUrl.replace(/\/$/, ""),
      schedule: { cron: "0 9 * * 1-5", timezone: "Europe/London" },
      teamsAppId: LOCAL_TEAMS_APP_MANIFEST_ID,
      graph: graphOptionsFor({ kind: "dev-app", app: LOCAL_APP_IDENTITY }, siteUrl),
      proactiveServiceUrl: inbox.serviceUrl,
      // The bot's own token towards the Teams stand-in (an app-only development token; the meeting API checks it).
      token: async () => mintDevAppToken(LOCAL_APP_IDENTITY),
      email: { mode: "fallback", sender: LOCAL_REMINDER_MAILBOX },
    });
    meetingReader = bot.meeting;
    const botPort = await listen(botServer, o.ports.bot);
    await bot.start();
    closers.push(async () => {
      await bot.stop();
      await new Promise<void>((r) => botServer.close(() => r()));
    });
    const botUrl = `http://127.0.0.1:${botPort}/api/messages`;

    let playgroundUrl: string | null = null;
    if (o.playground) {
      const { startPlayground } = await import("../bot/local-playground.ts");
      const { writePlaygroundConfig } = await import("./playground-config.ts");
      const pg = await startPlayground({
        botEndpoint: botUrl,
        port: o.ports.playground,
        host: "127.0.0.1",
        configPath: writePlaygroundConfig(resolve(o.dataDir)),
      });
      closers.push(() => pg.close());
      playgroundUrl = pg.url;
    }

    // A first reminder run, as on the last working morning: nobody has opened the app yet.
    o.say("Running the reminders once: installing the app for officers with nudges due…");
    const run = await bot.runReminders({ now: demoRunInstant(o.now) });
    const outboxUrl = `${sharepoint.baseUrl}/_local/outbox`;

    const people = SEED_PEOPLE.map((p) => `      ${p.name.padEnd(18)} ${p.upn.padEnd(36)} ${p.jobTitle}`).join("\n");
    o.say(
      [
        "",
        "  Equality Action Plan is running locally (127.0.0.1 only). Ctrl+C stops it.",
        "",
        `    Tab:                ${tabUrl}`,
        `    Meeting review:     ${tabUrl}?meeting=${encodeURIComponent(DEV_MEETING_ID)}#/review  (its date from the local Teams)`,
        `    Agents Playground:  ${playgroundUrl ?? "(not started: --no-playground)"}${playgroundUrl ? `  (you chat as ${seedPerson(SEED_EQUALITIES_LEAD_UPN)?.name})` : ""}`,
        `    Local SharePoint:   ${siteUrl}`,
        `    Bot endpoint:       ${botUrl}`,
        "",
        ...describeDemoRun(run, { inbox: inbox.inboxUrl, outbox: outboxUrl }),
        "",
        "    Sign in as (fictional people; development tokens are read, never verified):",
        people,
        "",
      ].join("\n"),
    );
    return { urls: { tab: tabUrl, sharepoint: siteUrl, bot: botUrl, playground: playgroundUrl }, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Reaching officers who never opened the app, at scale: 1,000 officers (REACH_BENCH_OFFICERS to change it), none
 * with a conversation, each owning two due actions, on the STRICT local server (an Entra-shaped directory, the
 * bot's app-only grant, the Teams app in Graph's org catalog) with 2% of all requests, SharePoint's and Graph's,
 * answered 429 (Retry-After 0.2 s). Teams' Bot Connector is the capture process. Figures:
 *  - first run: Graph requests per officer reached (target <= 3: install, find the installation, its chat; plus one
 *    catalog lookup per run), 429s seen and left unhandled (target 0), officers installed and sent, wall time;
 *  - second run (the same day): installation requests (target 0) and cards sent (0: exactly once).
 * Graph's limit for installedApps is 30 requests a second per app and tenant; the client starts 20 a second, so a
 * first run's time is mostly that pacing (three requests per officer).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBot } from "../src/bot/index.ts";
import { LOCAL_APP_IDENTITY, LOCAL_TEAMS_APP_MANIFEST_ID } from "../src/config/local-identities.ts";
import { DevAppAuth, DevTokenAuth, mintDevAppToken } from "../src/data/auth/dev-token.ts";
import { createSp, ensurePerson, inBatches, list, siteDates } from "../src/data/index.ts";
import { provision } from "../src/data/provision.ts";
import { addDays } from "../src/domain/dates.ts";
import { londonDate } from "../src/domain/london-time.ts";
import { GRAPH_ROLES } from "../src/graph/index.ts";
import { startCaptureProcess } from "./bot.bench.ts";
import type { BenchResult } from "./run.ts";
import { startServerProcess } from "./support.ts";

const OFFICERS = Number(process.env.REACH_BENCH_OFFICERS ?? 1_000);
const NOW = new Date("2026-11-24T10:00:00Z");
const oid = (i: number) => `10000000-0000-4000-8000-${String(i).padStart(12, "0")}`;

async function graphStats(baseUrl: string): Promise<Record<string, number>> {
  const s = (await (await fetch(`${baseUrl}/_local/stats`)).json()) as { requests: Record<string, number> };
  return Object.fromEntries(Object.entries(s.requests).filter(([k]) => k.startsWith("graph")));
}
const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

export default async function bench(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "eap-reach-bench-"));
  const admin = { id: oid(0), userPrincipalName: "admin@example.org", mail: "admin@example.org", displayName: "Site Admin", accountEnabled: true, deleted: false };
  const officers = Array.from({ length: OFFICERS }, (_, i) => ({
    id: oid(i + 1),
    userPrincipalName: `officer${String(i).padStart(4, "0")}@example.org`,
    mail: `officer${String(i).padStart(4, "0")}@example.org`,
    displayName: `Officer ${i}`,
    accountEnabled: true,
    deleted: false,
  }));
  const directoryFile = join(dataDir, "directory.json");
  writeFileSync(directoryFile, JSON.stringify([admin, ...officers]));
  // The tenant: the directory, the bot's site grant, the Teams app in Graph's org catalog.
  const tenant = ["--directory", directoryFile, "--grant", `${LOCAL_APP_IDENTITY.appId}=write`, "--teams-app", `${LOCAL_TEAMS_APP_MANIFEST_ID}=${LOCAL_APP_IDENTITY.appId}`];
  const sharepoint = await startServerProcess(join(dataDir, "data"), tenant);
  const capture = await startCaptureProcess();
  const server = createServer();
  try {
    // The site collection administrator provisions and writes the plan, as an operator would.
    const sp = createSp(sharepoint.siteUrl, DevTokenAuth({ upn: admin.userPrincipalName, name: admin.displayName, oid: admin.id }));
    await provision(sp);
    const people = await inBatches(sp, officers, (b, o) => ensurePerson(b, o.userPrincipalName), 100);
    const plan = (await list(sp, "plans").items.add({ Title: "Bench plan", Period: "2023-2027", PlanStatus: "active" })) as { Id?: number; data?: { Id: number } };
    const planId = plan.Id ?? plan.data?.Id;
    const role = (await list(sp, "roles").items.add({ Title: "Role", PlanId: planId })) as { Id?: number; data?: { Id: number } };
    const objective = (await list(sp, "objectives").items.add({ Title: "Objective", PlanId: planId, RoleId: role.Id ?? role.data?.Id, Statement: "Objective" })) as { Id?: number; data?: { Id: number } };
    const dates = await siteDates(sp);
    const today = londonDate(NOW);
    await inBatches(
      sp,
      Array.from({ length: OFFICERS * 2 }, (_, k) => k),
      (b, k) => {
        const owner = people[k % OFFICERS];
        return list(b, "actions").items.add({
          Title: `Action ${k}`,
          PlanId: planId,
          ObjectiveId: objective.Id ?? objective.data?.Id,
          Reference: `R-${k}`,
          ActionText: `Reach benchmark action ${k}`,
          OwnerId: owner.id,
          OfficersId: [owner.id],
          // Due in 7 days or 3 days ago: a nudge is due for every officer.
          DueDate: dates.toSpDate(addDays(today, k < OFFICERS ? 7 : -3)),
          DuePrecision: "day",
          DueKind: "deliver-by",
          ActionStatus: "on-track",
          Disposition: "open",
          SortOrder: k,
        });
      },
      100,
    );
    // Throttling from now on: 2% of every request, SharePoint's and Graph's alike, answered 429.
    sharepoint.child.kill("SIGTERM");
    await new Promise((r) => sharepoint.child.once("exit", r));
    const throttled = await startServerProcess(join(dataDir, "data"), [...tenant, "--faults", "429:0.02", "--retry-after", "0.2"]);
    Object.assign(sharepoint, throttled);

    const bot = await createBot({
      siteUrl: throttled.siteUrl,
      spAuth: DevAppAuth(LOCAL_APP_IDENTITY),
      skipAuth: true,
      server,
      appBaseUrl: "http://127.0.0.1:5173",
      schedule: false,
      token: async () => "t",
      now: () => NOW,
      teamsAppId: LOCAL_TEAMS_APP_MANIFEST_ID,
      graph: { baseUrl: `${throttled.baseUrl}/v1.0`, token: async () => mintDevAppToken({ ...LOCAL_APP_IDENTITY, roles: [...GRAPH_ROLES] }) },
      proactiveServiceUrl: capture.serviceUrl,
    });
    await bot.start();
    await fetch(`${throttled.baseUrl}/_local/stats/reset`, { method: "POST" });
    const t0 = performance.now();
    const first = await bot.runReminders({ now: NOW });
    const firstSeconds = (performance.now() - t0) / 1000;
    const g1 = await graphStats(throttled.baseUrl);
    await fetch(`${throttled.baseUrl}/_local/stats/reset`, { method: "POST" });
    const t1 = performance.now();
    const second = await bot.runReminders({ now: new Date(NOW.getTime() + 60_000) });
    const secondSeconds = (performance.now() - t1) / 1000;
    const g2 = await graphStats(throttled.baseUrl);
    await bot.stop();
    const catalog = g1["graph-catalog"] ?? 0;
    // A 429's retry is the same request again: counted apart.
    const perOfficer = first.installed ? (first.graphRequests - catalog - first.graphThrottled) / first.installed : 0;
    const perOfficerWithRetries = first.installed ? first.graphRequests / first.installed : 0;
    return {
      name: `Reaching ${OFFICERS} officers who never opened the app (Graph installation), then a second run`,
      figures: [
        { name: "first run: officers installed and reached in Teams", value: first.installed, unit: "officers", budget: { min: OFFICERS } },
        { name: "first run: cards sent", value: first.sent, unit: "cards", budget: { min: OFFICERS, max: OFFICERS } },
        { name: "first run: Graph requests per officer reached (the catalog lookup and 429 retries apart)", value: perOfficer, unit: "requests", budget: { max: 3 } },
        { name: "first run: Graph requests per officer reached, all included", value: perOfficerWithRetries, unit: "requests" },
        { name: "first run: Graph requests in all (client)", value: first.graphRequests, unit: "requests" },
        { name: "first run: Graph requests in all (/_local/stats)", value: sum(g1), unit: "requests" },
        { name: "first run: Graph 429s answered, each waited out and retried", value: first.graphThrottled, unit: "answers" },
        { name: "first run: failed (429s left unhandled among them)", value: first.failed, unit: "officers", budget: { max: 0 } },
        { name: "first run: wall time", value: firstSeconds, unit: "s" },
        { name: "second run: installation requests", value: g2["graph-install"] ?? 0, unit: "requests", budget: { max: 0 } },
        { name: "second run: Graph requests in all", value: sum(g2), unit: "requests" },
        { name: "second run: cards sent (exactly once: none)", value: second.sent, unit: "cards", budget: { max: 0 } },
        { name: "second run: wall time", value: secondSeconds, unit: "s" },
      ],
      notes: [`first run Graph stats: ${JSON.stringify(g1)}`, `second run Graph stats: ${JSON.stringify(g2)}`, `not reached: ${first.digests.filter((d) => d.outcome !== "sent").length}`],
    };
  } finally {
    server.close();
    await capture.stop();
    if (sharepoint.child.exitCode === null) {
      const exited = new Promise((r) => sharepoint.child.once("exit", r));
      sharepoint.stop();
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Reminder run at scale: 30,000 actions, 1,000 officers, all with the app installed, against the local list
 * server, sending to a capture server that stands in for Teams. Part-way through, the capture server answers 429
 * (Retry-After 1 s) to every send for 1.5 s, as Teams does when an app goes over its allowance. Figures:
 *  - wall time of the run (budget 40 s), the 429s answered and how many were left unhandled (budget 0);
 *  - SharePoint HTTP requests of the run (client and /_local/stats), against the budget "the due window's pages,
 *    and the ledger's batches (officers' digest rows, nudges, marks)" x 1.1;
 *  - computing time (policy, grouping, card building; budget < 2 s);
 *  - cards sent, and Teams' limits checked on the capture server's arrival timestamps (most in any second <= 30).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createBot } from "../src/bot/index.ts";
import { LOCAL_BOT_IDENTITY } from "../src/config/local-identities.ts";
import { PER_CONVERSATION_RULES } from "../src/bot/sending/pacer.ts";
import { addDays } from "../src/domain/dates.ts";
import { londonDate } from "../src/domain/london-time.ts";
import { createSp, DevTokenAuth, ensurePerson, inBatches, list, MAX_PAGE, siteDates } from "../src/data/index.ts";
import { LEDGER_BATCH_SIZE } from "../src/data/ledger/index.ts";
import { provision } from "../src/data/provision.ts";
import { httpRequests, root, startServerProcess } from "./support.ts";
import type { BenchResult } from "./run.ts";

const ACTIONS = 30_000;
const OFFICERS = 1_000;
const NOW = new Date("2026-11-24T10:00:00Z");
const BOT = LOCAL_BOT_IDENTITY;
const APP_LIMIT_PER_SECOND = 30;
/** After this many digests arrived, every send is answered 429 for THROTTLE_MS. */
const THROTTLE_AFTER = 300;
const THROTTLE_MS = 1_500;

function busiestWindow(times: number[], windowMs: number): { count: number; from: number } {
  const t = [...times].sort((a, b) => a - b);
  let best = { count: 0, from: 0 };
  let lo = 0;
  for (let hi = 0; hi < t.length; hi++) {
    while (t[hi] - t[lo] >= windowMs) lo++;
    if (hi - lo + 1 > best.count) best = { count: hi - lo + 1, from: t[lo] };
  }
  return best;
}
const maxInWindow = (times: number[], windowMs: number) => busiestWindow(times, windowMs).count;

export interface CaptureProcess {
  serviceUrl: string;
  now(): Promise<number>;
  arrivals(): Promise<{ attempts: Array<{ at: number; status: number; method: string; conversationId: string }>; delivered: number }>;
  throttleAllFor(ms: number, retryAfterSeconds: number): Promise<void>;
  stop(): Promise<void>;
}

/** bench/capture-process.ts in a child process, driven through its /_capture routes. */
export async function startCaptureProcess(): Promise<CaptureProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "bench/capture-process.ts")], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const serviceUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`the capture process exited with ${code}`)));
  });
  const get = async <T>(path: string, method = "GET") => (await (await fetch(`${serviceUrl}${path}`, { method })).json()) as T;
  return {
    serviceUrl,
    now: async () => (await get<{ now: number }>("_capture/now")).now,
    arrivals: () => get("_capture/arrivals"),
    throttleAllFor: async (ms, retryAfter) => {
      await get(`_capture/throttle-all?ms=${ms}&retryAfter=${retryAfter}`, "POST");
    },
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export default async function bench(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "eap-bot-bench-"));
  // SharePoint in its own process, as in production it is another machine: its SQLite work must not stall the
  // bot's event loop (and with it the pacing being measured).
  const sharepoint = await startServerProcess(dataDir);
  // Teams too: arrivals are timed by a clock of their own.
  const capture = await startCaptureProcess();
  const siteUrl = sharepoint.siteUrl;
  const server = createServer();
  try {
    const sp = createSp(siteUrl, DevTokenAuth(BOT));
    await provision(sp);

    // People and their conversation references.
    const emails = Array.from({ length: OFFICERS }, (_, i) => `officer${String(i).padStart(4, "0")}@example.org`);
    const people = await inBatches(sp, emails, (b, e) => ensurePerson(b, e), 100);
    await inBatches(sp, people, (b, p) =>
      list(b, "conversations").items.add({
        Title: p.email,
        UserObjectId: `oid-${p.id}`,
        Upn: p.email.toLowerCase(),
        DisplayName: p.name,
        ConversationId: `a:conv-${p.id}`,
        ServiceUrl: capture.serviceUrl,
        TenantId: "t",
        Unreachable: false,
      }),
    100);

    // One plan, one role, one objective, 30,000 actions: due dates spread from 60 days ago to a year ahead.
    const plan = (await list(sp, "plans").items.add({ Title: "Bench plan", Period: "2023-2027", PlanStatus: "active" })) as { Id?: number; data?: { Id: number } };
    const planId = plan.Id ?? plan.data?.Id;
    const role = (await list(sp, "roles").items.add({ Title: "Role", PlanId: planId })) as { Id?: number; data?: { Id: number } };
    const objective = (await list(sp, "objectives").items.add({ Title: "Objective", PlanId: planId, RoleId: role.Id ?? role.data?.Id, Statement: "Objective" })) as { Id?: number; data?: { Id: number } };
    const today = londonDate(NOW);
    const dates = await siteDates(sp);
    const rows = Array.from({ length: ACTIONS }, (_, k) => k);
    await inBatches(
      sp,
      rows,
      (b, k) => {
        const owner = people[k % OFFICERS];
        const offset = ((k * 7919) % 420) - 60;
        return list(b, "actions").items.add({
          Title: `Action ${k}`,
          PlanId: planId,
          ObjectiveId: objective.Id ?? objective.data?.Id,
          Reference: `B-${k}`,
          ActionText: `Benchmark action ${k}: deliver the thing that was promised to residents.`,
          OwnerId: owner.id,
          OfficersId: [owner.id],
          DueDate: dates.toSpDate(addDays(today, offset)),
          DuePrecision: "day",
          DueKind: "deliver-by",
          ActionStatus: k % 10 === 0 ? "complete" : "on-track",
          Disposition: "open",
          SortOrder: k,
        });
      },
      100,
    );

    const bot = await createBot({ siteUrl, spAuth: DevTokenAuth(BOT), skipAuth: true, server, appBaseUrl: "http://127.0.0.1:5173", schedule: false, token: async () => "t", now: () => NOW });
    await bot.start();
    await fetch(`${sharepoint.baseUrl}/_local/stats/reset`, { method: "POST" });
    // Count on the client too: every HTTP request PnPjs makes goes through global fetch.
    let clientRequests = 0;
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (url.startsWith(sharepoint.baseUrl)) clientRequests++;
      return realFetch(input, init);
    }) as typeof fetch;
    // Teams throttles the app for a while, part-way through the run.
    let throttledAt = 0;
    const watch = setInterval(async () => {
      if (!throttledAt && (await capture.arrivals()).delivered >= THROTTLE_AFTER) {
        throttledAt = performance.now();
        await capture.throttleAllFor(THROTTLE_MS, 1);
      }
    }, 50);
    const captureT0 = await capture.now();
    const t0 = performance.now();
    const report = await bot.runReminders({ now: NOW }).finally(() => {
      globalThis.fetch = realFetch;
      clearInterval(watch);
    });
    const wallSeconds = (performance.now() - t0) / 1000;
    const arrivals = await capture.arrivals();
    const firstSend = Math.min(...arrivals.attempts.map((a) => a.at)) - captureT0;
    const stats = (await (await fetch(`${sharepoint.baseUrl}/_local/stats`)).json()) as { requests: Record<string, number> };
    const requests = httpRequests(stats);
    await bot.stop();

    // Budget: the due window's pages (ID windows of 5,000, 20 per $batch, plus the max-id probe; the ledger and the
    // conversations are read the same way) and the ledger's batches: officers' digest rows (50 officers per round),
    // their nudges (an officer's never split across batches: at most one batch more per round), and the marks of
    // both (50 per $batch).
    const windows = Math.ceil(ACTIONS / MAX_PAGE);
    const windowPages = 3 * (1 + Math.ceil(windows / 20));
    const officersDue = new Set(report.digests.map((d) => d.officerId)).size;
    const rounds = Math.ceil(officersDue / 50);
    const ledgerWrites = rounds + (Math.ceil(report.nudgesDue / LEDGER_BATCH_SIZE) + rounds) + Math.ceil((report.nudgesDue + officersDue) / LEDGER_BATCH_SIZE);
    const budget = Math.floor((windowPages + ledgerWrites) * 1.1);

    const posts = arrivals.attempts.filter((d) => d.method === "POST" && d.status === 201);
    const busiest = busiestWindow(posts.map((p) => p.at), 1_000);
    const appMax = busiest.count;
    const byConversation = new Map<string, number[]>();
    for (const p of posts) byConversation.set(p.conversationId, [...(byConversation.get(p.conversationId) ?? []), p.at]);
    let conversationOver = 0;
    for (const times of byConversation.values()) for (const r of PER_CONVERSATION_RULES) if (maxInWindow(times, r.windowMs) > r.limit) conversationOver++;

    return {
      name: "Reminder bot: one run over 30,000 actions and 1,000 officers",
      figures: [
        { name: "SharePoint HTTP requests in the run (counted by the client)", value: clientRequests, unit: "requests", budget: { max: budget } },
        { name: "SharePoint HTTP requests in the run (/_local/stats)", value: requests, unit: "requests", budget: { max: budget } },
        { name: "computing time (policy, grouping, cards)", value: report.computeMs, unit: "ms", budget: { max: 2_000 } },
        { name: "actions read (due window)", value: report.actionsRead, unit: "actions" },
        { name: "nudges due", value: report.nudgesDue, unit: "nudges" },
        { name: "digest cards sent (one per officer with nudges due)", value: report.sent, unit: "cards", budget: { min: officersDue, max: officersDue } },
        { name: "failed sends (429s left unhandled among them)", value: report.failed, unit: "sends", budget: { max: 0 } },
        { name: "uncertain deliveries", value: report.uncertain, unit: "sends", budget: { max: 0 } },
        { name: "429s answered by Teams (injected), each retried", value: arrivals.attempts.filter((a) => a.status === 429).length, unit: "answers" },
        { name: "429s the bot saw in the run", value: report.throttled, unit: "answers" },
        { name: "lowest pace after the 429s", value: report.lowestSendsPerSecond, unit: "sends/s" },
        { name: "most sends in any 1 s (app-wide; Teams allows 30)", value: appMax, unit: "sends", budget: { max: APP_LIMIT_PER_SECOND } },
        { name: "per-conversation limit breaches", value: conversationOver, unit: "breaches", budget: { max: 0 } },
        { name: "time to the first send", value: firstSend / 1000, unit: "s" },
        { name: "wall time of the run (paced at 27/s, with the 429s)", value: wallSeconds, unit: "s", budget: { max: 40 } },
      ],
      notes: [
        `request budget = (reads ${windowPages} + ledger batches ${ledgerWrites}) x 1.1 = ${budget}`,
        `429s injected for ${THROTTLE_MS} ms after ${THROTTLE_AFTER} digests (${throttledAt ? `${((throttledAt - t0) / 1000).toFixed(1)} s into the run` : "not reached"})`,
        `busiest second of arrivals starts ${((busiest.from - captureT0) / 1000).toFixed(1)} s into the run`,
        `machine load average (1, 5, 15 min) at the end: ${loadavg().map((l) => l.toFixed(1)).join(", ")} on ${cpus().length} cores (the machine is shared)`,
        `local stats: ${JSON.stringify(stats.requests)}`,
      ],
    };
  } finally {
    server.close();
    await capture.stop();
    const exited = new Promise((r) => sharepoint.child.once("exit", r));
    sharepoint.stop();
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Reminder run at scale: 30,000 actions, 1,000 officers, all with the app installed, against the local list
 * server, sending to a capture server that stands in for Teams. Figures:
 *  - SharePoint HTTP requests of the run (from /_local/stats), against the budget "pages of the due window plus
 *    batched ledger writes" x 1.1;
 *  - computing time (policy, grouping, card building; budget < 2 s);
 *  - cards sent, and Teams' limits checked on the capture server's arrival timestamps.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createBot } from "../src/bot/index.ts";
import { LOCAL_BOT_IDENTITY } from "../src/config/local-identities.ts";
import { PER_CONVERSATION_RULES } from "../src/bot/pacer.ts";
import { addDays } from "../src/domain/dates.ts";
import { londonDate } from "../src/domain/london-time.ts";
import { createSp, DevTokenAuth, ensurePerson, inBatches, list, MAX_PAGE, toSpDate } from "../src/data/index.ts";
import { LEDGER_BATCH_SIZE } from "../src/data/ledger/index.ts";
import { provision } from "../src/data/provision.ts";
import { startLocalSharePoint } from "../src/local/index.ts";
import { startCaptureServer } from "../tests/helpers/capture-server.ts";
import { httpRequests } from "./support.ts";
import type { BenchResult } from "./run.ts";

const ACTIONS = 30_000;
const OFFICERS = 1_000;
const NOW = new Date("2026-11-24T10:00:00Z");
const BOT = LOCAL_BOT_IDENTITY;
const APP_LIMIT_PER_SECOND = 30;

function maxInWindow(times: number[], windowMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < t.length; hi++) {
    while (t[hi] - t[lo] >= windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

export default async function bench(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "eap-bot-bench-"));
  const sharepoint = await startLocalSharePoint({ dataDir, port: 0, host: "127.0.0.1", sites: ["bench"] });
  const capture = await startCaptureServer();
  const siteUrl = sharepoint.siteUrl("bench");
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
          DueDate: toSpDate(addDays(today, offset)),
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
    const t0 = performance.now();
    const report = await bot.runReminders({ now: NOW }).finally(() => {
      globalThis.fetch = realFetch;
    });
    const wallSeconds = (performance.now() - t0) / 1000;
    const stats = (await (await fetch(`${sharepoint.baseUrl}/_local/stats`)).json()) as { requests: Record<string, number> };
    const requests = httpRequests(stats);
    await bot.stop();

    // Budget: the due window's pages (ID windows of 5,000, 20 per $batch, plus the max-id probe) and the ledger
    // writes (a claim and a mark per nudge, 50 per $batch).
    const windows = Math.ceil(ACTIONS / MAX_PAGE);
    const windowPages = 1 + Math.ceil(windows / 20);
    const ledgerWrites = 2 * Math.ceil(report.nudgesDue / LEDGER_BATCH_SIZE);
    const budget = Math.floor((windowPages + ledgerWrites) * 1.1);

    const officersDue = new Set(report.digests.map((d) => d.officerId)).size;
    const posts = capture.delivered.filter((d) => d.method === "POST");
    const appMax = maxInWindow(posts.map((p) => p.at), 1_000);
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
        { name: "failed sends", value: report.failed, unit: "sends", budget: { max: 0 } },
        { name: "most sends in any 1 s (app-wide; Teams allows 30)", value: appMax, unit: "sends", budget: { max: APP_LIMIT_PER_SECOND } },
        { name: "per-conversation limit breaches", value: conversationOver, unit: "breaches", budget: { max: 0 } },
        { name: "wall time of the run (sending is paced at 20/s)", value: wallSeconds, unit: "s" },
      ],
      notes: [
        `request budget = (due-window pages ${windowPages} + ledger write batches ${ledgerWrites}) x 1.1 = ${budget}`,
        `local stats: ${JSON.stringify(stats.requests)}`,
      ],
    };
  } finally {
    server.close();
    await capture.close();
    await sharepoint.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

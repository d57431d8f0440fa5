/**
 * Data layer at scale against the local SharePoint server (in its own child process, threshold 5,000):
 * seeding 30,000 generated actions through the plan writer (time, HTTP requests, batched), then "my actions"
 * (round trips and latency) and a whole-plan read by ID windows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchResult } from "./run.ts";
import { batchParts, httpRequests, readStats, startServerProcess } from "./support.ts";
import { devIdentity } from "../src/config/local-identities.ts";
import { createSp, DevTokenAuth, ensurePerson, getMyActions, getPlanActions } from "../src/data/index.ts";
import { writePlanTree } from "../src/data/plan-tree/index.ts";
import { provision } from "../src/data/provision.ts";
import type { PlanTreeInput } from "../src/domain/plan-tree.ts";

const ACTIONS = 30_000;
const OFFICERS = 200;

function generatedPlan(): PlanTreeInput {
  let n = 0;
  const roles = ["Community Leader", "Service Provider", "Employer"].map((name, r) => ({
    name,
    statement: `Role ${r + 1}`,
    objectives: Array.from({ length: 10 }, (_, o) => ({
      statement: `Objective ${r + 1}.${o + 1}`,
      actions: Array.from({ length: ACTIONS / 30 }, () => {
        n++;
        return {
          reference: `G-${n}`,
          text: `Generated action ${n}`,
          officerLogins: [`officer${n % OFFICERS}@example.org`],
          dueText: `${["March", "June", "September", "December"][n % 4]} ${2024 + (n % 4)}`,
        };
      }),
    })),
  }));
  return { title: "Generated plan", period: "2023-2027", roles };
}

export default async function bench(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "eap-bench-data-"));
  const server = await startServerProcess(dataDir);
  const stats = () => readStats(server.baseUrl);
  try {
    const siteUrl = `${server.baseUrl}/sites/bench`;
    const sp = createSp(siteUrl, DevTokenAuth(devIdentity("officer1@example.org")));
    await provision(sp);
    const s0 = await stats();
    const t0 = performance.now();
    await writePlanTree(sp, generatedPlan(), { importId: "bench" });
    const seedSeconds = (performance.now() - t0) / 1000;
    const s1 = await stats();
    const seedRequests = httpRequests(s1) - httpRequests(s0);
    const seedParts = batchParts(s1) - batchParts(s0);

    const me = await ensurePerson(sp, "officer1@example.org");
    const b2 = httpRequests(await stats());
    const mine = await getMyActions(sp, me.id);
    const roundTrips = httpRequests(await stats()) - b2;
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await getMyActions(sp, me.id);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const b3 = httpRequests(await stats());
    const t1 = performance.now();
    const all = await getPlanActions(sp, 1);
    const planSeconds = (performance.now() - t1) / 1000;
    const planRequests = httpRequests(await stats()) - b3;
    return {
      name: "data layer at 30,000 actions",
      figures: [
        { name: "seed 30,000 actions: time", value: seedSeconds, unit: "s" },
        { name: "seed 30,000 actions: HTTP requests", value: seedRequests, unit: "requests" },
        { name: "seed 30,000 actions: operations inside $batch requests", value: seedParts, unit: "parts" },
        { name: "my actions: round trips", value: roundTrips, unit: "requests", budget: { max: 1 } },
        { name: `my actions: median latency (${mine.length} of 30,000)`, value: times[15], unit: "ms" },
        { name: `whole plan by ID windows: time (${all.length} actions)`, value: planSeconds, unit: "s" },
        { name: "whole plan by ID windows: HTTP requests", value: planRequests, unit: "requests" },
      ],
    };
  } finally {
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Approval and publication at size, through the production code paths against the local SharePoint in its own
 * process with SharePoint Online's list view threshold of 5,000:
 *  - the equalities lead approving a period's 500 drafts in bulk (approvePeriod: one windowed read, the writes in
 *    $batch requests, each with its item's ETag): time and HTTP requests;
 *  - the public progress page for those 500 actions as `eap publish` makes it (read, model, officer-name check,
 *    HTML and CSV; writing the folder excluded): median of 5, HTTP requests, page size.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { devIdentity } from "../src/config/local-identities.ts";
import { approvePeriod, createSp, DevTokenAuth, getCurrentPerson, getPublicationCounts, requirePlan } from "../src/data/index.ts";
import { writePlanTree } from "../src/data/plan-tree/index.ts";
import { provision } from "../src/data/provision.ts";
import { publicSiteFiles } from "../src/report/publish/public-site.ts";
import { reportTree } from "./report.bench.ts";
import type { BenchResult } from "./run";
import { httpRequests, readStats, startServerProcess } from "./support.ts";

const ACTIONS = 500;

export default async function bench(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "eap-bench-publish-"));
  const { child, siteUrl, baseUrl } = await startServerProcess(dataDir, ["--threshold", "5000"]);
  const reset = () => fetch(`${baseUrl}/_local/stats/reset`, { method: "POST" });
  try {
    const sp = createSp(siteUrl, DevTokenAuth(devIdentity("bench@example.org")));
    await provision(sp);
    await writePlanTree(sp, { ...reportTree(ACTIONS, "draft"), title: "Bench publish plan" }, { importId: "bench:publish" });
    const plan = await requirePlan(sp, "Bench publish plan");
    const reviewer = { personId: (await getCurrentPerson(sp)).id, isEqualitiesLead: true };

    // --- bulk approval of the period's drafts ---------------------------------------------------------------
    await reset();
    const a0 = performance.now();
    const approved = await approvePeriod(sp, { planId: plan.id, period: "2022-23", reviewer, now: new Date() });
    const approveMs = performance.now() - a0;
    const approveRequests = httpRequests(await readStats(baseUrl));
    if (approved.approved.length !== ACTIONS) throw new Error(`approved ${approved.approved.length} of ${ACTIONS} drafts`);
    const counts = await getPublicationCounts(sp, plan.id, "2022-23");
    if (counts.draft !== 0 || counts.approved !== ACTIONS) throw new Error(`after approval: ${JSON.stringify(counts)}`);

    // --- the public page -------------------------------------------------------------------------------------
    const once = async () => {
      const t0 = performance.now();
      const site = await publicSiteFiles(sp, plan, "2022-23", { publishedOn: "2026-11-14" });
      return { ms: performance.now() - t0, html: site.files[0].bytes.length, csv: site.files[1].bytes.length, actions: site.page.actionCount };
    };
    await once(); // warm-up: module loading and JIT
    await reset();
    const runs: Awaited<ReturnType<typeof once>>[] = [];
    for (let i = 0; i < 5; i++) runs.push(await once());
    const pageRequests = httpRequests(await readStats(baseUrl)) / 5;
    runs.sort((x, y) => x.ms - y.ms);
    const median = runs[2];
    if (median.actions !== ACTIONS) throw new Error(`the page held ${median.actions} actions, expected ${ACTIONS}`);

    return {
      name: "approval and the public page",
      figures: [
        { name: `bulk approval of ${ACTIONS} drafts (approvePeriod)`, value: approveMs / 1000, unit: "s" },
        { name: `  SharePoint HTTP requests`, value: approveRequests, unit: "requests" },
        { name: `public page, ${ACTIONS} actions: read + model + HTML + CSV (median of 5)`, value: median.ms / 1000, unit: "s" },
        { name: `  SharePoint HTTP requests per page`, value: pageRequests, unit: "requests" },
        { name: `  index.html size`, value: median.html / 1024, unit: "KB" },
        { name: `  CSV size`, value: median.csv / 1024, unit: "KB" },
      ],
      notes: [`publication runs: ${runs.map((r) => (r.ms / 1000).toFixed(2)).join(", ")} s`],
    };
  } finally {
    child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

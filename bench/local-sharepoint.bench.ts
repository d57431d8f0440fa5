/**
 * Local SharePoint performance, measured through the production client (PnPjs) against the server running in its
 * own process (`node bin/eap.mjs serve-sharepoint`), so that resident memory is the server's alone.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InjectHeaders } from "@pnp/queryable";
import { SPBrowser, spfi } from "@pnp/sp";
import "@pnp/sp/webs";
import "@pnp/sp/lists";
import "@pnp/sp/items";
import "@pnp/sp/fields";
import "@pnp/sp/batching";
import type { BenchResult } from "./run";
import { startServerProcess } from "./support.ts";

const ITEMS = 30_000;
const BUCKETS = 300; // 100 items per bucket, so the indexed query returns exactly 100 items

function devToken(upn: string): string {
  const b = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${b({ alg: "none", typ: "JWT" })}.${b({ upn, name: "Bench", oid: "bench" })}.`;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export default async function bench(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "eap-bench-sp-"));
  const { child, siteUrl } = await startServerProcess(dataDir);
  try {
    const sp = spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }), InjectHeaders({ Authorization: `Bearer ${devToken("bench@contoso.test")}` }));
    await sp.web.lists.add("Bench");
    const list = sp.web.lists.getByTitle("Bench");
    await list.fields.addNumber("Bucket", { Indexed: true } as never);
    await list.fields.addText("Status");

    // 30,000 adds through PnPjs batches (PnPjs' default of 20 requests per $batch), 1,000 items per execute().
    const started = performance.now();
    for (let start = 0; start < ITEMS; start += 1000) {
      const [batched, execute] = sp.batched();
      const bl = batched.web.lists.getByTitle("Bench");
      const adds: Promise<unknown>[] = [];
      for (let i = start; i < start + 1000; i++) adds.push(bl.items.add({ Title: `Action ${i}`, Bucket: i % BUCKETS, Status: i % 3 ? "Open" : "Closed" }));
      await execute();
      await Promise.all(adds);
    }
    const addSeconds = (performance.now() - started) / 1000;

    const times: number[] = [];
    for (let run = 0; run < 60; run++) {
      const t0 = performance.now();
      const rows = await list.items.select("Id", "Title", "Status", "Bucket").filter(`Bucket eq ${run % BUCKETS}`).top(100)();
      times.push(performance.now() - t0);
      if (rows.length !== 100) throw new Error(`expected 100 items, got ${rows.length}`);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const rss = rssMb(child.pid!);

    return {
      name: "local SharePoint",
      figures: [
        { name: "batched adds per second (PnPjs, 20 per $batch)", value: ITEMS / addSeconds, unit: "items/s" },
        { name: "30,000 batched adds", value: addSeconds, unit: "s", budget: { max: 30 } },
        { name: "indexed query at 30,000 items, 100 rows (median of 60)", value: median, unit: "ms", budget: { max: 20 } },
        { name: "server resident memory at 30,000 items", value: rss, unit: "MB", budget: { max: 200 } },
      ],
      notes: [`p90 indexed query ${times[Math.floor(times.length * 0.9)].toFixed(1)} ms; client and server on the same machine`],
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

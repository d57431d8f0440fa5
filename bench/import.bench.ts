/**
 * Import at scale: a 1,000-action Excel workbook (3 roles, 100 objectives) parsed and written to a fresh local
 * SharePoint site. Figures: parse time, write time, and the SharePoint HTTP requests of the write (from
 * /_local/stats): items travel in $batch requests (PnPjs sends at most 20 operations per $batch), so 1,106 items
 * cost about 56 requests, not 1,106.
 *
 * Hostile files: how far the peak resident set size of a process rises while it parses each (bench/import-memory.ts,
 * one process per file), beside the same figure for the 1,000-action workbook. Before the limits of
 * src/import/limits.ts, each of the first three exhausted a 1 GB heap.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSp, DevTokenAuth } from "../src/data/index.ts";
import { provision } from "../src/data/provision.ts";
import { importIdFor, parsePlanFile } from "../src/import/index.ts";
import { writeImportedPlan } from "../src/import/write/write-import.ts";
import { startLocalSharePoint } from "../src/local/index.ts";
import { generatedWorkbook } from "../tests/import/fixtures/generated-plan.ts";
import { gridSpanDocx, singleRowCsv, sparseXlsx, withPart } from "../tests/import/fixtures/hostile.ts";
import type { BenchFigure, BenchResult } from "./run.ts";
import { httpRequests, root } from "./support.ts";

const ACTIONS = 1_000;
const LEAD = { upn: "equalities.lead@example.org", name: "Equalities lead", oid: "00000000-0000-4000-8000-0000000000e1" };

/** Peak RSS growth allowed while parsing a hostile file: what the limits promise, with room for the runtime. */
const HOSTILE_RSS_MB = 64;

async function hostileFiles(dir: string, plan: Uint8Array): Promise<{ figures: BenchFigure[]; notes: string[] }> {
  const files: Array<[string, string, Uint8Array, number | undefined]> = [
    ["1 kB .docx, a cell spanning 50,000,000 columns", "span.docx", await gridSpanDocx(), HOSTILE_RSS_MB],
    ["6 kB .xlsx, cells at A1, XFD1 and A20000", "sparse.xlsx", await sparseXlsx(), HOSTILE_RSS_MB],
    ["10 MB single-row CSV, 5,000,001 columns", "row.csv", singleRowCsv(10_000_000), HOSTILE_RSS_MB],
    ["10 MB single-row CSV, one field of 10,000,000 characters", "field.csv", singleRowCsv(10_000_000, "one-field"), HOSTILE_RSS_MB],
    [
      "30-action workbook with whole-sheet merge and validation (valid)",
      "validated.xlsx",
      await withPart(await generatedWorkbook(30), "xl/worksheets/sheet1.xml", (x) =>
        x.replace(
          "</sheetData>",
          '</sheetData><mergeCells count="1"><mergeCell ref="H1:XFD1048576"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"On track"</formula1></dataValidation></dataValidations>',
        ),
      ),
      HOSTILE_RSS_MB,
    ],
    [`${ACTIONS.toLocaleString("en-GB")}-action workbook (valid, for comparison)`, "plan.xlsx", plan, undefined],
  ];
  const figures: BenchFigure[] = [];
  const notes: string[] = [];
  for (const [label, name, bytes, max] of files) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const out = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ["--expose-gc", "--import", "tsx", join(root, "bench/import-memory.ts"), path, name], { cwd: root, maxBuffer: 1 << 20 }, (e, stdout) =>
        e ? reject(e) : resolve(stdout),
      ),
    );
    const m = JSON.parse(out) as { peakGrowthMb: number; ms: number; actions: number; problem: string | null };
    figures.push({ name: `peak RSS growth: ${label}`, value: m.peakGrowthMb, unit: "MB", ...(max ? { budget: { max } } : {}) });
    figures.push({ name: `parse time: ${label}`, value: m.ms, unit: "ms" });
    notes.push(`${label} (${(bytes.byteLength / 1024).toFixed(1)} kB): ${m.problem ?? `${m.actions} actions, no problem`}`);
  }
  return { figures, notes };
}

export default async function bench(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), "eap-import-bench-"));
  const server = await startLocalSharePoint({ dataDir, port: 0, host: "127.0.0.1", sites: ["bench"] });
  try {
    const siteUrl = server.siteUrl("bench");
    const sp = createSp(siteUrl, DevTokenAuth(LEAD));
    await provision(sp);
    const bytes = await generatedWorkbook(ACTIONS);

    const t0 = performance.now();
    const parsed = await parsePlanFile(bytes, { fileName: "plan.xlsx", title: "Benchmark plan", period: "2023-2027" });
    const parseMs = performance.now() - t0;
    if (!parsed.tree) throw new Error(`the generated workbook did not parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
    const actions = parsed.actions.length;

    await fetch(`${server.baseUrl}/_local/stats/reset`, { method: "POST" });
    const t1 = performance.now();
    const w = await writeImportedPlan(sp, parsed.tree, { importId: await importIdFor(bytes, "Benchmark plan") });
    const writeMs = performance.now() - t1;
    const stats = (await (await fetch(`${server.baseUrl}/_local/stats`)).json()) as { requests: Record<string, number> };

    // Re-running the finished import: reads only, nothing written.
    await fetch(`${server.baseUrl}/_local/stats/reset`, { method: "POST" });
    const t2 = performance.now();
    const again = await writeImportedPlan(sp, parsed.tree, { importId: await importIdFor(bytes, "Benchmark plan") });
    const rerunMs = performance.now() - t2;
    const rerun = (await (await fetch(`${server.baseUrl}/_local/stats`)).json()) as { requests: Record<string, number> };
    const hostile = await hostileFiles(dataDir, bytes);

    return {
      name: `Import of a ${ACTIONS.toLocaleString("en-GB")}-action workbook`,
      figures: [
        { name: "workbook size", value: bytes.byteLength / 1024, unit: "kB" },
        { name: "actions parsed", value: actions, unit: "actions", budget: { min: ACTIONS } },
        { name: "parse time (exceljs + tree + validation)", value: parseMs, unit: "ms" },
        { name: "write time (all items, local SharePoint)", value: writeMs, unit: "ms" },
        { name: "items created", value: w.createdCount, unit: "items" },
        // Budget: one $batch per 20 items (PnPjs' split) plus a dozen reads (plans, people, existing import keys).
        { name: "SharePoint HTTP requests for the write", value: httpRequests(stats), unit: "requests", budget: { max: Math.ceil(w.createdCount / 20) + 12 } },
        { name: "items added inside $batch requests", value: stats.requests["add-item"] ?? 0, unit: "items" },
        { name: "$batch requests", value: stats.requests.batch ?? 0, unit: "requests" },
        { name: "re-run of the finished import: time", value: rerunMs, unit: "ms" },
        { name: "re-run of the finished import: items created", value: again.createdCount, unit: "items", budget: { max: 0 } },
        { name: "re-run of the finished import: HTTP requests", value: httpRequests(rerun), unit: "requests" },
        ...hostile.figures,
      ],
      notes: [
        ...hostile.notes,
        "Items are grouped 50 per execute() in src/data/plan-tree/write-plan-tree.ts and PnPjs sends 20 per $batch request; the plan is written as a draft and made active last.",
        `Counters of the write: ${JSON.stringify(stats.requests)}`,
      ],
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

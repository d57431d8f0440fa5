/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (or those named on the command line), prints its figures
 * and writes them as JSON under bench/results/. Budgets are checked here and reported, never in timed tests.
 *
 * A benchmark module default-exports an async function returning a BenchResult.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** Budget as stated in the issue, when there is one. */
  budget?: { max?: number; min?: number };
}
export interface BenchResult {
  name: string;
  figures: BenchFigure[];
  notes?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

mkdirSync(join(here, "results"), { recursive: true });
let overBudget = 0;
for (const file of files) {
  const started = Date.now();
  const mod = (await import(join(here, file))) as { default: () => Promise<BenchResult> };
  const result = await mod.default();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n== ${result.name} (${file}, ${seconds} s)`);
  for (const f of result.figures) {
    let verdict = "";
    if (f.budget) {
      const ok = (f.budget.max === undefined || f.value <= f.budget.max) && (f.budget.min === undefined || f.value >= f.budget.min);
      if (!ok) overBudget++;
      verdict = `  budget ${f.budget.max !== undefined ? `<= ${f.budget.max}` : `>= ${f.budget.min}`} ${ok ? "OK" : "OVER BUDGET"}`;
    }
    console.log(`  ${f.name.padEnd(60)} ${String(Number(f.value.toFixed(3))).padStart(12)} ${f.unit}${verdict}`);
  }
  for (const n of result.notes ?? []) console.log(`  note: ${n}`);
  const out = join(here, "results", file.replace(/\.bench\.ts$/, ".json"));
  writeFileSync(out, `${JSON.stringify({ ...result, ranAt: new Date().toISOString(), node: process.version }, null, 2)}\n`);
  console.log(`  -> ${out}`);
}
console.log(overBudget === 0 ? "\nall figures within budget" : `\n${overBudget} figure(s) over budget`);
process.exitCode = overBudget === 0 ? 0 : 1;

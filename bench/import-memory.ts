/**
 * One measurement of bench/import.bench.ts, run in a process of its own so that its memory is its own:
 * `tsx bench/import-memory.ts FILE NAME` parses FILE (as uploaded under NAME) and prints, as JSON, how far the
 * process's peak resident set size rose above what it was just before parsing, the time taken and the first
 * problem. The parsers are warmed up on a small plan first, so loading mammoth and exceljs is not counted.
 */
import { readFileSync } from "node:fs";
import { describeProblem, parsePlanFile } from "../src/import/index.ts";
import { generatedWorkbook } from "../tests/import/fixtures/generated-plan.ts";

const [file, name] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
const opts = { title: "Plan", period: "2023-2027" };
await parsePlanFile(await generatedWorkbook(5), { ...opts, fileName: "warm.xlsx" });
await parsePlanFile(new TextEncoder().encode("Role,Objective,Actions\r\nEmployer,O,A\r\n"), { ...opts, fileName: "warm.csv" });
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const r = await parsePlanFile(bytes, { ...opts, fileName: name });
const ms = performance.now() - t0;
// maxRSS is the process's high-water mark (kB): what it rose to above the RSS just before parsing.
const peakGrowthMb = Math.max(0, process.resourceUsage().maxRSS * 1024 - rssBefore) / 1024 / 1024;
process.stdout.write(`${JSON.stringify({ peakGrowthMb, ms, actions: r.actions.length, problem: r.problems[0] ? describeProblem(r.problems[0]) : null })}\n`);

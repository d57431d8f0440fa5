/**
 * `eap import-values` end to end: the real CLI against the real local SharePoint with the seeded plan. A file with
 * bad rows is refused whole, each bad row named with its row and column, and nothing is written; a dry run says what
 * would change and writes nothing; the import writes new values and corrections (the history keeps the figure it
 * corrects); running it again writes nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getPlanIndicators, getPlanValues, requirePlan, type SPFI } from "../../src/data/index.ts";
import { valueHistory } from "../../src/domain/indicator-values.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { runCli } from "../helpers/run-cli.ts";
import { type SeededSite, startSeededSite } from "../helpers/seeded-site.ts";

const PLAN = "Equality Objectives and Action Plan 2017-2021";
let site: SeededSite;
let sp: SPFI;
let dir: string;
let planId: number;

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n");
const HEADER = ["Action reference", "Indicator", "Period", "Group", "Value", "Note"];
const GOOD = [
  HEADER,
  ["CL-20-4", "Consultations completed", "2020/21", "", "23", ""],
  ["CL-20-4", "Consultations completed", "2021-22", "", "31", "Counted from the consultation log"],
  ["CL-20-4", "Consultations completed", "2020-21", "Internal staff or Member surveys", "10", "One Member survey was missed"],
  ["CL-17-1", "Ward members given a ward-level report after the Resident's Survey", "2017-18", "", "100 %", ""],
];

async function values() {
  return getPlanValues(sp, planId);
}

beforeAll(async () => {
  site = await startSeededSite({ now: new Date("2026-11-23T10:00:00Z") });
  sp = site.spAs(SEED_EQUALITIES_LEAD_UPN);
  planId = (await requirePlan(sp, PLAN)).id;
  dir = mkdtempSync(join(tmpdir(), "eap-values-"));
});
afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("eap import-values", () => {
  test("a file with bad rows is refused whole: each named with its row and column, nothing written", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(
      file,
      csv([
        ...GOOD,
        ["CL-20-4", "Consultations completed", "2022-23", "", "about 40", ""],
        ["CL-20-4", "Consultations completed", "Q1 2022-23", "", "12", ""],
        ["SP-20-7", "EqIAs done", "2021-22", "", "4", ""],
      ]),
    );
    const before = await values();
    const r = await runCli(["import-values", file, "--site", site.siteUrl, "--plan", PLAN]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"bad.csv" cannot be imported: 3 problem(s). Nothing was written.');
    expect(r.stderr).toContain('CSV, row 6, column "Value": "about 40" is not a number; this indicator wants a whole number');
    expect(r.stderr).toContain('CSV, row 7, column "Period": "Q1 2022-23" is a quarter; this indicator is annual');
    expect(r.stderr).toContain('CSV, row 8, column "Indicator": action SP-20-7 has no indicator of this name (its indicators: "Equalities Impact Assessments completed")');
    expect(await values()).toEqual(before);
  });

  test("a dry run says what would change and writes nothing", async () => {
    const file = join(dir, "values.csv");
    writeFileSync(file, csv(GOOD));
    const before = await values();
    const r = await runCli(["import-values", file, "--site", site.siteUrl, "--plan", PLAN, "--dry-run"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Dry run: 4 row(s) of CSV "values.csv" (CSV) for "${PLAN}": 2 new value(s), 1 correction(s), 1 unchanged. Nothing was written.`);
    expect(await values()).toEqual(before);
  });

  test("writes new values and corrections, keeping the corrected figure in the history; a second run writes nothing", async () => {
    const file = join(dir, "values.csv");
    const r = await runCli(["import-values", file, "--site", site.siteUrl, "--plan", PLAN]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Imported 4 row\(s\) of CSV "values.csv" \(CSV\) into ".*": 2 new value\(s\), 1 correction\(s\), 1 unchanged\. Import id import:/);
    const all = await values();
    const internal = valueHistory(all, "2020-21", "Internal staff or Member surveys");
    expect(internal.map((v) => [v.revision, v.value, v.note])).toEqual([
      [1, 9, ""],
      [2, 10, "One Member survey was missed"],
    ]);
    expect(internal[0].source).toBe("Policy and Communities team, report to Policy and Resources Committee");
    expect(internal[1].recordedByName).not.toBe("");
    const consultations = (await getPlanIndicators(sp, planId)).find((i) => i.name === "Consultations completed")!;
    expect(consultations.summary).toMatchObject({ latestPeriod: "2021-22", latestValue: 31, previousPeriod: "2020-21", previousValue: 23 });

    const again = await runCli(["import-values", file, "--site", site.siteUrl, "--plan", PLAN]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("0 new value(s), 0 correction(s), 4 unchanged");
    expect(await values()).toHaveLength(all.length);
  });

  test("the workbook `eap export` writes imports back as it is", async () => {
    const out = join(dir, "plan.xlsx");
    const e = await runCli(["export", "--site", site.siteUrl, "--plan", PLAN, "--format", "xlsx", "--out", out]);
    expect(e.code).toBe(0);
    const r = await runCli(["import-values", out, "--site", site.siteUrl, "--plan", PLAN, "--dry-run"]);
    expect(r.code).toBe(0);
    // Every current value comes back unchanged; the corrected figures of the history are not read.
    expect(r.stdout).toMatch(/Dry run: 5 row\(s\) of XLSX "plan.xlsx" \(Sheet "Indicator values"\) for ".*": 0 new value\(s\), 0 correction\(s\), 5 unchanged\./);
    expect(r.stderr).toContain('note: Sheet "Indicator values": 1 row(s) of corrected figures (Current: No) not read');
  });
});

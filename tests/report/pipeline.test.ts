/**
 * The report and export pipeline that `eap report`, `eap export` and the tab's reports panel share: from the
 * seeded plan in the real local SharePoint to a file's bytes, read back as a Word document, a CSV and a workbook.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requirePlan } from "../../src/data/index.ts";
import { ReportError } from "../../src/domain/report-model.ts";
import { committeeReportFile, planExportFile } from "../../src/report/pipeline.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { readDocx } from "../helpers/docx-reader.ts";
import { type SeededSite, startSeededSite } from "../helpers/seeded-site.ts";

let site: SeededSite;
beforeAll(async () => {
  site = await startSeededSite();
});
afterAll(async () => site?.close());

const sp = () => site.spAs(SEED_EQUALITIES_LEAD_UPN);

describe("the report and export pipeline", () => {
  it("makes the committee report of a year: the model and the .docx bytes agree", async () => {
    const plan = await requirePlan(sp(), "Equality Objectives and Action Plan 2017-2021");
    const file = await committeeReportFile(sp(), plan, "2022/23", { creator: "Sam Kowalski" });
    expect(file).toMatchObject({ extension: "docx", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    expect(file.model.period).toBe("2022-23");
    expect(file.model.actionCount).toBe(17);
    const doc = await readDocx(file.bytes);
    const headings = doc.blocks.filter((b) => b.kind === "p" && b.style === "Heading1").map((b) => (b as { text: string }).text);
    expect(headings).toEqual(["Summary", "As a Community Leader", "As an Employer", "As a Service Provider"]);
  });

  it("refuses a year without updates, and one that is not a financial year", async () => {
    const plan = await requirePlan(sp(), "Equality Objectives and Action Plan 2017-2021");
    await expect(committeeReportFile(sp(), plan, "2019-20")).rejects.toMatchObject({ name: "ReportError", reason: "no-updates" });
    await expect(committeeReportFile(sp(), plan, "2022-24")).rejects.toBeInstanceOf(ReportError);
  });

  it("exports the plan's actions as CSV and XLSX, one row each", async () => {
    const plan = await requirePlan(sp(), site.currentPlanId);
    const now = new Date("2026-11-23T10:00:00Z");
    const csv = await planExportFile(sp(), plan, "csv", { now });
    expect(csv).toMatchObject({ extension: "csv", mediaType: "text/csv;charset=utf-8" });
    const rows = Papa.parse<string[]>(new TextDecoder().decode(csv.bytes).slice(1), { skipEmptyLines: true }).data;
    expect(rows.length - 1).toBe(csv.rows);
    expect(csv.rows).toBeGreaterThan(5);

    const xlsx = await planExportFile(sp(), plan, "xlsx", { now, creator: "Sam Kowalski" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.creator).toBe("Sam Kowalski");
    expect(wb.getWorksheet("Actions")!.rowCount - 1).toBe(csv.rows);
  });
});

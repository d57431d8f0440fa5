/**
 * The committee report and the plan exports, from SharePoint to a file's bytes: read the plan → build the model
 * (src/domain/report-model.ts, ./export-rows.ts) → .docx, .csv or .xlsx. `eap report`, `eap export` and the tab's
 * reports panel all call these functions (and `eap publish` the same reading, readPeriod). The tab imports this module only when a button is pressed, and the
 * document builders (docx, exceljs) load only for the file asked for, so neither weighs on the tab's first view.
 */
import type { ActionRecord } from "../data/actions/mapping.ts";
import { getPlanActions } from "../data/actions/repository.ts";
import type { CoverReportRecord } from "../data/cover-reports/mapping.ts";
import { getCoverReport } from "../data/cover-reports/repository.ts";
import { getPlanStructure, type PlanStructure } from "../data/plans/structure.ts";
import type { SPFI } from "../data/create-sp.ts";
import type { UpdateRecord } from "../data/updates/mapping.ts";
import { getPlanUpdates } from "../data/updates/repository.ts";
import { getPlanIndicators } from "../data/indicators/repository.ts";
import { getPlanValues } from "../data/indicator-values/repository.ts";
import { type AwaitingPolicy, buildReportModel, normalisePeriod, type ReportModel } from "../domain/report-model.ts";
import type { Plan } from "../domain/types.ts";
import { londonDate } from "../domain/london-time.ts";
import { indicatorSheetRows, valueSheetRows } from "./export-indicators.ts";
import { exportRows, inPlanOrder } from "./export-rows.ts";

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MEDIA_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv;charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export interface PlanFile {
  bytes: Uint8Array;
  extension: keyof typeof MEDIA_TYPES;
  /** For a browser download (Blob type). */
  mediaType: string;
}

/** What a report of one financial year is made from. */
export interface PeriodData {
  structure: PlanStructure;
  actions: ActionRecord[];
  updates: UpdateRecord[];
}

/** The plan's structure ($batch), actions and the year's updates (ID windows): `period` already normalised. */
export async function readPeriod(sp: SPFI, plan: Plan, period: string): Promise<PeriodData> {
  const [structure, actions, updates] = await Promise.all([getPlanStructure(sp, plan), getPlanActions(sp, plan.id), getPlanUpdates(sp, plan.id, period)]);
  return { structure, actions, updates };
}

export interface CommitteeReportRequest {
  creator?: string;
  /** Updates still awaiting approval: stop with ReportError("awaiting-approval") (default), or leave them out. */
  awaiting?: AwaitingPolicy;
  /** false: the appendix alone, without the lead's covering report for the year. */
  cover?: boolean;
}

/**
 * The committee report (.docx) for one financial year of a plan: the covering report stored for the year (if any)
 * and the appendix of approved progress. Throws ReportError for a period that is not a financial year, has no
 * approved updates or has updates awaiting approval, and DataError when SharePoint refuses.
 */
export async function committeeReportFile(
  sp: SPFI,
  plan: Plan,
  period: string,
  o: CommitteeReportRequest = {},
): Promise<PlanFile & { model: ReportModel; cover: CoverReportRecord | null }> {
  const fy = normalisePeriod(period);
  const [data, indicators, values, cover] = await Promise.all([
    readPeriod(sp, plan, fy),
    getPlanIndicators(sp, plan.id),
    getPlanValues(sp, plan.id),
    o.cover === false ? null : getCoverReport(sp, plan.id, fy),
  ]);
  const model = buildReportModel({ ...data, period: fy, awaiting: o.awaiting, indicators, values });
  const { committeeReportBytes } = await import("./committee-report-docx.ts");
  const bytes = await committeeReportBytes(model, { creator: o.creator, cover: cover?.cover });
  return { model, cover, bytes, extension: "docx", mediaType: MEDIA_TYPES.docx };
}

/**
 * The plan's actions, one row each (their indicators summarised in a column), as CSV or XLSX; the workbook adds a
 * sheet of the indicators and one of every value recorded (corrections included). Every text cell is neutralised
 * against formula injection.
 */
export async function planExportFile(sp: SPFI, plan: Plan, format: ExportFormat, o: { now: Date; creator?: string }): Promise<PlanFile & { rows: number }> {
  const [structure, actions, indicators, values] = await Promise.all([
    getPlanStructure(sp, plan),
    getPlanActions(sp, plan.id),
    getPlanIndicators(sp, plan.id),
    getPlanValues(sp, plan.id),
  ]);
  const measures = { indicators, values };
  const rows = exportRows(structure, actions, o.now, measures);
  const files = await import("./export-files.ts");
  let bytes: Uint8Array;
  if (format === "csv") bytes = files.exportCsv(rows);
  else {
    const ordered = inPlanOrder(structure, actions);
    const today = londonDate(o.now);
    const sheets = { indicators: indicatorSheetRows(ordered, measures, today), values: valueSheetRows(ordered, measures) };
    bytes = await files.exportXlsx(rows, { title: plan.title, creator: o.creator, now: o.now }, sheets);
  }
  return { rows: rows.length, bytes, extension: format, mediaType: MEDIA_TYPES[format] };
}

/**
 * The cover report view's one write: the lead's words for a plan's year, saved with the ETag they were read with
 * (src/data/cover-reports: a 412, or a first save meeting one saved meanwhile, is DataError("conflict") and writes
 * nothing). When the tab's writes move to the product's server API this is the module to switch; the server then
 * checks the caller is the equalities lead (the tab only hides the view from others).
 */
import type { CoverReportRecord } from "../../../data/cover-reports/mapping.ts";
import { saveCoverReport } from "../../../data/cover-reports/repository.ts";
import type { SPFI } from "../../../data/create-sp.ts";
import type { CoverReportInput } from "../../../domain/cover-report.ts";

export function saveCover(sp: SPFI, planId: number, input: CoverReportInput, existing: CoverReportRecord | null): Promise<CoverReportRecord> {
  return saveCoverReport(sp, planId, input, existing);
}

/**
 * Covering reports: read the one for a plan and year, save the lead's words. A save starts from what was read: an
 * edit carries the item's ETag (a 412 writes nothing), and a first save that meets one saved meanwhile (the unique
 * plan-and-year key) is a conflict too, so nobody's words are overwritten unseen.
 */

import { MULTI_LINE_MAX } from "../../domain/constants.ts";
import { type CoverReport, type CoverReportInput, coverReportProblems, coverReportSchema } from "../../domain/cover-report.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { eq } from "../odata.ts";
import { type Item, list, queryOnce } from "../queries.ts";
import { COVER_REPORT_SELECT, type CoverReportRecord, coverKey, coverReportFields, coverReportFrom } from "./mapping.ts";

/** The covering report of a plan's financial year, or null when none has been written. One indexed query. */
export async function getCoverReport(sp: SPFI, planId: number, period: string): Promise<CoverReportRecord | null> {
  const [item] = await callSharePoint(`Reading the covering report for ${period}`, () =>
    queryOnce(sp, "coverReports", { filter: eq("CoverKey", coverKey(planId, period)), select: COVER_REPORT_SELECT }),
  );
  return item ? coverReportFrom(item) : null;
}

/** Every problem at once, before anything is written: shape, unknown {{figures}}, and the column's size. */
export function validateCoverReport(input: CoverReportInput): CoverReport {
  const problems = coverReportProblems(input);
  if (problems.length) throw new DataError("invalid", `The covering report has ${problems.length} problem(s); nothing was saved.\n${problems.map((p) => `- ${p}`).join("\n")}`);
  const cover = coverReportSchema.parse(input);
  const size = String(coverReportFields(1, cover).CoverContent).length;
  if (size > MULTI_LINE_MAX) {
    throw new DataError("invalid", `The covering report is too long to save: ${size} characters of content, SharePoint holds ${MULTI_LINE_MAX}.`);
  }
  return cover;
}

/**
 * Saves the lead's words for the plan's year. `existing` is the record as read (null when there was none): an edit
 * is written with its ETag; a new report is added under the unique plan-and-year key.
 */
export async function saveCoverReport(sp: SPFI, planId: number, input: CoverReportInput, existing: CoverReportRecord | null): Promise<CoverReportRecord> {
  const cover = validateCoverReport(input);
  if (existing && existing.cover.period !== cover.period) {
    throw new DataError("invalid", `This covering report is for ${existing.cover.period}; a report for ${cover.period} is saved as its own.`, { field: "period" });
  }
  const fields = coverReportFields(planId, cover);
  if (existing) {
    if (!existing.etag) throw new DataError("invalid", "A covering report is saved with the ETag it was read with.");
    const etag = existing.etag;
    await callSharePoint(`Saving the covering report for ${cover.period}`, () => list(sp, "coverReports").items.getById(existing.id).update(fields, etag));
    return (await getCoverReport(sp, planId, cover.period)) as CoverReportRecord;
  }
  try {
    // SharePoint answers an add with the item itself (its ETag included).
    return coverReportFrom((await callSharePoint(`Saving the covering report for ${cover.period}`, () => list(sp, "coverReports").items.add(fields))) as Item);
  } catch (err) {
    if (err instanceof DataError && err.reason === "duplicate") {
      throw new DataError("conflict", `A covering report for ${cover.period} was saved by someone else meanwhile: read it again and make your changes to it.`, { cause: err });
    }
    throw err;
  }
}

/**
 * Where a progress update's words come from, and how exact its date is. Both are data of the update, written with
 * it (by an import or the seed) and shown with it in the timeline and the committee report.
 *
 * They are NOT authorship. Who entered an update is SharePoint's business (Created By, or the person the server
 * validated), never text a client writes. The source says which body reported the progress, as a document states
 * it: "Policy and Communities team, report to Policy and Resources Committee". Updates people write in the tab or
 * a card have no source (their author is the source).
 *
 * Dates: committee papers often report a year's progress without a day. Such an update is dated with the last day
 * of its period, and marked "period-end" so that nobody reads 31 March as the day the work was reported.
 * Zod-free, like constants.ts, so any view can label updates without loading zod.
 */
import type { UpdateDatePrecision } from "./constants.ts";
import { formatLongDate } from "./dates.ts";

/**
 * The update's date in words: "20 October 2021", or for a date that is only the period's end
 * "31 March 2023 (end of 2022-23; the source gives no day)". `civilDate` is the London date of the update.
 */
export function describeUpdateDate(civilDate: string, precision: UpdateDatePrecision, period: string): string {
  const day = formatLongDate(civilDate);
  if (precision === "exact") return day;
  return `${day} (end of ${period || "the period"}; the source gives no day)`;
}

/** "Reported by <source>", or null for an update written in the product (its author says who). */
export function describeUpdateSource(source: string): string | null {
  const s = source.trim();
  return s === "" ? null : `Reported by ${s}`;
}

/** Cover report items ↔ CoverReport: the columns a list view shows, and the rest as validated JSON. */
import { type CoverReport, coverReportSchema } from "../../domain/cover-report.ts";
import { DataError } from "../errors.ts";
import type { Item } from "../queries.ts";
import { etagOf, fromSpInstant, idOrNull, numberOf, textOf } from "../values.ts";

export const COVER_REPORT_SELECT = ["Id", "Title", "PlanId", "Period", "CoverKey", "FinalDecisionMaker", "Classification", "WardsAffected", "CoverContent", "Modified", "EditorId"] as const;

export interface CoverReportRecord {
  id: number;
  planId: number;
  cover: CoverReport;
  /** Written with it (If-Match) when the lead saves their edit: nobody's words are overwritten unseen. */
  etag?: string;
  modifiedAt: string | null;
  /** SharePoint's Modified By (site user id): who last saved it. */
  modifiedById: number | null;
}

export const coverKey = (planId: number, period: string) => `${planId}/${period}`;

/** The details that have columns of their own; everything else travels in CoverContent. */
const COLUMN_FIELDS = ["title", "period", "finalDecisionMaker", "classification", "wardsAffected"] as const;

export function coverReportFields(planId: number, cover: CoverReport): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...cover };
  for (const k of COLUMN_FIELDS) delete rest[k];
  return {
    Title: cover.title,
    PlanId: planId,
    Period: cover.period,
    CoverKey: coverKey(planId, cover.period),
    FinalDecisionMaker: cover.finalDecisionMaker,
    Classification: cover.classification,
    WardsAffected: cover.wardsAffected,
    CoverContent: JSON.stringify(rest),
  };
}

/** Someone may have edited the item in SharePoint's own list view: anything unreadable is said, not guessed. */
export function coverReportFrom(i: Item): CoverReportRecord {
  const where = `The covering report for ${textOf(i.Period)} (EAP Cover Reports, item ${i.Id})`;
  let rest: unknown;
  try {
    rest = JSON.parse(textOf(i.CoverContent));
  } catch {
    throw new DataError("invalid", `${where} cannot be read: its content is not the JSON the product writes. Restore an earlier version of the item.`);
  }
  const parsed = coverReportSchema.safeParse({
    ...(rest as object),
    title: textOf(i.Title),
    period: textOf(i.Period),
    finalDecisionMaker: textOf(i.FinalDecisionMaker),
    classification: textOf(i.Classification),
    wardsAffected: textOf(i.WardsAffected),
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DataError("invalid", `${where} cannot be read: ${first.path.join(".") || "report"}: ${first.message}. Restore an earlier version of the item.`);
  }
  return {
    id: i.Id,
    planId: numberOf(i.PlanId),
    cover: parsed.data,
    etag: etagOf(i),
    modifiedAt: fromSpInstant(i.Modified),
    modifiedById: idOrNull(i.EditorId),
  };
}

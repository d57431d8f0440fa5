/**
 * The cover report view's one write: the lead's words for a plan's year, through the product's server
 * (`POST /api/plans/{id}/cover-report`), which checks the caller is in "EAP Equalities Leads" and saves with the
 * ETag the report was read with (none for a first save). A report saved by someone else since, or a first save
 * meeting one saved meanwhile, comes back as a refusal with reason "conflict" and nothing written.
 */
import type { CoverReportRecord } from "../../../data/cover-reports/mapping.ts";
import type { CoverReportInput } from "../../../domain/cover-report.ts";
import type { ApiClient } from "../../lib/api-client.ts";

export async function saveCover(api: ApiClient, planId: number, input: CoverReportInput, existing: CoverReportRecord | null): Promise<CoverReportRecord> {
  return (await api.saveCoverReport(planId, { cover: input, etag: existing?.etag ?? null })).coverReport;
}

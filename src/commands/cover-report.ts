/**
 * The covering report, as the equalities lead's command: the lead's words for a plan's financial year, saved with
 * the ETag of the report as they opened it (null when there was none). A report saved by someone else since (an
 * edit, or a first save meeting one saved meanwhile) is a conflict (412): nothing is written, nobody's words lost.
 */
import type { CoverReportRecord } from "../data/cover-reports/mapping.ts";
import { getCoverReport, saveCoverReport } from "../data/cover-reports/repository.ts";
import { coverReportSchema } from "../domain/cover-report.ts";
import type { Caller, CommandContext } from "./context.ts";
import { CommandError, invalid } from "./errors.ts";
import { type SaveCoverReportInput, saveCoverReportInput } from "./inputs.ts";
import { readAsLead } from "./lead.ts";
import { refusingAs } from "./records.ts";
import { parseInput } from "./result.ts";

export interface CoverReportResult {
  outcome: "saved";
  message: string;
  coverReport: CoverReportRecord;
}

const SAVED_MEANWHILE = "Nothing was saved: someone else saved this covering report since you opened it. Read it again and make your changes to it.";

export async function saveCover(ctx: CommandContext, caller: Caller, input: SaveCoverReportInput): Promise<CoverReportResult> {
  const i = parseInput(saveCoverReportInput, input);
  // The year decides which report is read; its full check comes with the save, every problem listed at once.
  const period = coverReportSchema.shape.period.safeParse(i.cover.period);
  if (!period.success) throw invalid("cover.period", "Nothing was saved: the covering report needs its financial year, such as 2024-25.");
  const { value: existing } = await readAsLead(ctx, caller, "cover-report", (b) => getCoverReport(b, i.planId, period.data));
  if ((existing?.etag ?? null) !== i.etag) throw new CommandError("conflict", SAVED_MEANWHILE);
  const coverReport = await refusingAs(() => saveCoverReport(ctx.sp, i.planId, i.cover as never, existing));
  return { outcome: "saved", message: "Covering report saved.", coverReport };
}

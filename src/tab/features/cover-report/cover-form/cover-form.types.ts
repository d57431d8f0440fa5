import type { CoverReportRecord } from "../../../../data/cover-reports/mapping.ts";
import type { CoverReportInput } from "../../../../domain/cover-report.ts";
import type { CoverPart } from "../cover-draft.ts";

export interface CoverFormProps {
  planId: number;
  /** The report as stored for the year, or null when none has been saved yet. */
  record: CoverReportRecord | null;
  /** What the form opens with: the stored report, or a new year's starting words. */
  start: CoverReportInput;
}

export type CoverSaveState =
  | { name: "idle" }
  | { name: "saving" }
  | { name: "saved" }
  | { name: "problems"; problems: string[] }
  /** Someone saved the report since it was opened: nothing was written; the lead's words are still in the form. */
  | { name: "conflict"; theirs: CoverReportRecord | null; theirChanges: CoverPart[]; myChanges: CoverPart[] }
  | { name: "failed"; message: string };

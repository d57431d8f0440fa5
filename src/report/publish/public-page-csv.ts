/**
 * The public page's progress as a CSV file published beside it (open data): one row per approved update, with
 * its role, objective, action, the teams responsible, the words, who reported it and when, and the action's
 * outcome. The same approved text as the page and no personal names; every cell neutralised against formula
 * injection, as in the plan exports.
 */
import type { PublicPage } from "../../domain/public-progress.ts";
import { neutraliseCell } from "../cell-safety.ts";
import { csvBytes } from "../csv.ts";

export const PUBLIC_CSV_HEADERS = ["Role", "Objective", "Reference", "Action", "Responsible", "Progress", "Reported", "Outcome"] as const;

export function publicProgressCsv(page: PublicPage): Uint8Array {
  const rows: string[][] = [];
  for (const r of page.roles) {
    for (const o of r.objectives) {
      for (const a of o.actions) {
        for (const p of a.progress) rows.push([r.heading, o.statement, a.reference, a.text, a.responsible, p.text, p.attribution, a.outcome].map(neutraliseCell));
      }
    }
  }
  return csvBytes(PUBLIC_CSV_HEADERS, rows);
}

/** "progress-2022-23.csv" */
export const publicCsvName = (period: string) => `progress-${period}.csv`;

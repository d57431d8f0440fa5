/** An action item's version (`items(n)/versions`) ↔ ActionVersion: what changed, when and by whom. */
import type { SiteDates } from "../site-time-zone.ts";
import { fromSpInstant, textOf } from "../values.ts";

export interface ActionVersion {
  label: string;
  at: string;
  editor: string;
  status: string;
  disposition: string;
  dueDate: string | null;
  lastUpdateSummary: string;
  text: string;
}

export function versionFrom(v: Record<string, unknown>, dates: SiteDates): ActionVersion {
  const editor = v.Editor as { LookupValue?: string; Title?: string } | undefined;
  return {
    label: textOf(v.VersionLabel),
    at: fromSpInstant(v.Created) ?? "",
    editor: editor?.LookupValue ?? editor?.Title ?? "",
    status: textOf(v.ActionStatus),
    disposition: textOf(v.Disposition),
    dueDate: dates.fromSpDate(v.DueDate),
    lastUpdateSummary: textOf(v.LastUpdateSummary),
    text: textOf(v.ActionText),
  };
}

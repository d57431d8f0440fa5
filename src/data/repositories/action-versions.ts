/**
 * The version history of an action item (`items(n)/versions`, the list has versioning on): what changed, when and
 * by whom, shown in the tab's action view.
 */
import { sp as call } from "../errors.ts";
import { list } from "../lists.ts";
import type { SPFI } from "../sp.ts";
import { fromSpDate, fromSpInstant } from "../values.ts";

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

type Raw = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));

export function versionFrom(v: Raw): ActionVersion {
  const editor = v.Editor as { LookupValue?: string; Title?: string } | undefined;
  return {
    label: str(v.VersionLabel),
    at: fromSpInstant(v.Created) ?? "",
    editor: editor?.LookupValue ?? editor?.Title ?? "",
    status: str(v.ActionStatus),
    disposition: str(v.Disposition),
    dueDate: fromSpDate(v.DueDate),
    lastUpdateSummary: str(v.LastUpdateSummary),
    text: str(v.ActionText),
  };
}

/** Newest first, as SharePoint returns them. */
export async function getActionVersions(sp: SPFI, actionId: number): Promise<ActionVersion[]> {
  return call(`Reading the history of action ${actionId}`, async () => {
    const raw = (await list(sp, "actions").items.getById(actionId).versions()) as Raw[];
    return raw.map(versionFrom).sort((a, b) => Number(b.label) - Number(a.label) || b.at.localeCompare(a.at));
  });
}

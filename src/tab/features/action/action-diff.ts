/**
 * What changed on an action between the copy a person was working from and the one SharePoint holds now, field by
 * field, in words: shown when a write loses the ETag race (412) so the person can decide and re-apply.
 */
import type { ActionRecord } from "../../../data/actions/mapping.ts";
import { ACTION_STATUS_LABELS, CHARACTERISTIC_LABELS } from "../../../domain/types.ts";
import { dayOf, dueText } from "../../lib/format.ts";

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const people = (a: ActionRecord) => a.officers.map((p) => p.name).join(", ") || "nobody";

const FIELDS: Array<[string, (a: ActionRecord) => string]> = [
  ["Action", (a) => a.text],
  ["Status", (a) => ACTION_STATUS_LABELS[a.status]],
  ["Disposition", (a) => a.disposition],
  ["Due", (a) => dueText(a.due)],
  ["Accountable officer", (a) => a.owner?.name ?? "nobody"],
  ["Responsible officers", people],
  ["Responsible teams", (a) => a.teams],
  ["How will we know this is done?", (a) => a.successMeasures.join("; ")],
  ["Protected characteristics", (a) => a.characteristics.map((c) => CHARACTERISTIC_LABELS[c] ?? c).join(", ")],
  ["Last update", (a) => (a.lastUpdateAt ? `${dayOf(a.lastUpdateAt)}: ${a.lastUpdateSummary ?? ""}` : "none")],
  ["Reminders snoozed until", (a) => (a.snoozedUntil ? dayOf(a.snoozedUntil) : "not snoozed")],
];

export function diffAction(before: ActionRecord, after: ActionRecord): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, get] of FIELDS) {
    const b = get(before);
    const a = get(after);
    if (b !== a) out.push({ field, before: b, after: a });
  }
  return out;
}

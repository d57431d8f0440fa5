/** The plan view's filters, pure so they are tested without a browser. */
import type { ActionRecord } from "../../../data/actions/mapping.ts";
import { type EffectiveStatus, effectiveStatus } from "../../../domain/status.ts";

export interface PlanFilters {
  roleId: string;
  status: "" | EffectiveStatus;
  team: string;
  officerId: string;
  characteristic: string;
  text: string;
}

export const NO_FILTERS: PlanFilters = { roleId: "", status: "", team: "", officerId: "", characteristic: "", text: "" };

export function matches(a: ActionRecord, f: PlanFilters, now: Date): boolean {
  if (f.status && effectiveStatus(a, now) !== f.status) return false;
  if (f.team && !a.teams.toLowerCase().includes(f.team.toLowerCase())) return false;
  if (f.officerId && a.ownerId !== Number(f.officerId) && !a.officerIds.includes(Number(f.officerId))) return false;
  if (f.characteristic && !a.characteristics.includes(f.characteristic)) return false;
  if (f.text) {
    const q = f.text.toLowerCase();
    const hay = `${a.reference}\n${a.text}\n${a.teams}\n${a.successMeasures.join("\n")}\n${a.lastUpdateSummary ?? ""}`.toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

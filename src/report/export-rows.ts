/**
 * One row per action for the CSV and XLSX exports, in the plan's order. Pure (imports only src/domain) so that the
 * tab builds the same files in the browser as the CLI does on disk.
 */
import { formatDue } from "../domain/dates.ts";
import { londonDate } from "../domain/london-time.ts";
import { DISPOSITION_LABELS, type ReportStructure } from "../domain/report-model.ts";
import { effectiveStatus, STATUS_TEXT } from "../domain/status.ts";
import { type Action, CHARACTERISTIC_LABELS, type Person } from "../domain/types.ts";
import { neutraliseCell } from "./cell-safety.ts";
import { indicatorSummaries, type PlanMeasures } from "./export-indicators.ts";

export const EXPORT_COLUMNS = [
  { key: "role", header: "Role", width: 20 },
  { key: "objective", header: "Objective", width: 40 },
  { key: "commitment", header: "Commitment", width: 40 },
  { key: "reference", header: "Reference", width: 12 },
  { key: "action", header: "Action", width: 50 },
  { key: "officers", header: "Officers", width: 30 },
  { key: "teams", header: "Teams", width: 30 },
  { key: "measures", header: "Success measures", width: 40 },
  { key: "due", header: "Due", width: 18 },
  { key: "status", header: "Status", width: 14 },
  { key: "disposition", header: "Disposition", width: 22 },
  { key: "characteristics", header: "Characteristics", width: 30 },
  { key: "lastUpdate", header: "Last update", width: 50 },
  { key: "lastUpdateAt", header: "Last update date", width: 16 },
  { key: "indicators", header: "Indicators", width: 50 },
] as const;

export type ExportColumnKey = (typeof EXPORT_COLUMNS)[number]["key"];
export type ExportRow = Record<ExportColumnKey, string>;

/** An action as the data layer reads it: the domain action plus the people it names (when expanded). */
export type ExportAction = Action & { owner?: Person | null; officers?: Person[] };

const byOrder = <T extends { order: number; id: number }>(a: T, b: T) => a.order - b.order || a.id - b.id;

function officerNames(a: ExportAction): string {
  const people: Person[] = [];
  if (a.owner) people.push(a.owner);
  for (const p of a.officers ?? []) if (!people.some((q) => q.id === p.id)) people.push(p);
  return people.map((p) => p.name || p.email).join("; ");
}

/** The plan's actions in plan order: role, objective, then the action's own SortOrder. */
export function inPlanOrder<A extends Pick<Action, "planId" | "objectiveId" | "order" | "id">>(structure: ReportStructure, actions: readonly A[]): A[] {
  const roleById = new Map(structure.roles.map((r) => [r.id, r]));
  const objectiveById = new Map(structure.objectives.map((o) => [o.id, o]));
  const roleOrder = (a: A) => roleById.get(objectiveById.get(a.objectiveId)?.roleId ?? -1)?.order ?? Number.MAX_SAFE_INTEGER;
  const objectiveOrder = (a: A) => objectiveById.get(a.objectiveId)?.order ?? Number.MAX_SAFE_INTEGER;
  return actions
    .filter((a) => a.planId === structure.plan.id)
    .slice()
    .sort((a, b) => roleOrder(a) - roleOrder(b) || objectiveOrder(a) - objectiveOrder(b) || byOrder(a, b));
}

/**
 * Rows in plan order (role, objective, action SortOrder). Every text cell is neutralised against formula
 * injection here, once, so that no writer can forget to. `now` decides "Overdue" (derived, never stored).
 */
export function exportRows(structure: ReportStructure, actions: readonly ExportAction[], now: Date, measures?: PlanMeasures): ExportRow[] {
  const indicators = measures ? indicatorSummaries(measures, londonDate(now)) : new Map<number, string>();
  const roleById = new Map(structure.roles.map((r) => [r.id, r]));
  const objectiveById = new Map(structure.objectives.map((o) => [o.id, o]));
  const commitmentById = new Map(structure.commitments.map((c) => [c.id, c]));
  return inPlanOrder(structure, actions).map((a) => {
    const objective = objectiveById.get(a.objectiveId);
    const role = objective ? roleById.get(objective.roleId) : undefined;
    const row: ExportRow = {
      role: role?.name ?? "",
      objective: objective?.statement ?? "",
      commitment: a.commitmentId === null ? "" : (commitmentById.get(a.commitmentId)?.statement ?? ""),
      reference: a.reference,
      action: a.text,
      officers: officerNames(a),
      teams: a.teams,
      measures: a.successMeasures.join("\n"),
      due: formatDue(a.due),
      status: STATUS_TEXT[effectiveStatus(a, now)],
      disposition: DISPOSITION_LABELS[a.disposition],
      characteristics: a.characteristics.map((c) => CHARACTERISTIC_LABELS[c] ?? c).join("; "),
      lastUpdate: a.lastUpdateSummary ?? "",
      lastUpdateAt: a.lastUpdateAt ? a.lastUpdateAt.slice(0, 10) : "",
      indicators: indicators.get(a.id) ?? "",
    };
    for (const k of Object.keys(row) as ExportColumnKey[]) row[k] = neutraliseCell(row[k]);
    return row;
  });
}

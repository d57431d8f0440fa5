/**
 * Reads a plan back from the lists as a PlanTree: the shape the seed and the importers write. Used to check a
 * seed or an import round-trips, for exports, and by rollover to carry actions forward.
 */
import type { PlanTree } from "../../domain/plan-tree.ts";
import type { Person, Plan } from "../../domain/types.ts";
import type { ActionRecord } from "../actions/mapping.ts";
import { getPlanActions } from "../actions/repository.ts";
import type { SPFI } from "../create-sp.ts";
import { getPlanStructure } from "../plans/structure.ts";
import type { UpdateRecord } from "../updates/mapping.ts";
import { getPlanUpdates } from "../updates/repository.ts";

export interface PlanSnapshot {
  tree: PlanTree;
  actions: ActionRecord[];
  updates: UpdateRecord[];
}

/**
 * The people an action names, owner first, by sign-in name (UPN, from their claims login): what identifies them and
 * what ensureUser is given when the plan is written again (rollover). Their email would name nobody when it differs
 * from the UPN, and officers are read without it (a multi-value person column cannot project it safely).
 */
function loginsOf(a: ActionRecord): string[] {
  const ordered: Person[] = [];
  if (a.owner) ordered.push(a.owner);
  for (const o of a.officers) if (!ordered.some((p) => p.id === o.id)) ordered.push(o);
  return ordered.map((p) => p.upn ?? "").filter(Boolean);
}

/** `updates: false` leaves the updates out (rollover carries actions without their history). */
export async function readPlanTree(sp: SPFI, plan: Plan, opts: { updates?: boolean } = {}): Promise<PlanSnapshot> {
  const [structure, actions, updates] = await Promise.all([
    getPlanStructure(sp, plan),
    getPlanActions(sp, plan.id),
    opts.updates === false ? Promise.resolve([]) : getPlanUpdates(sp, plan.id),
  ]);
  const updatesByAction = new Map<number, UpdateRecord[]>();
  for (const u of [...updates].sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)) {
    updatesByAction.set(u.actionId, [...(updatesByAction.get(u.actionId) ?? []), u]);
  }
  const carriedRefs = new Map<number, string>();
  const toTreeAction = (a: ActionRecord) => ({
    reference: a.reference,
    text: a.text,
    teams: a.teams,
    officerLogins: loginsOf(a),
    successMeasures: a.successMeasures,
    dueText: a.due.text,
    status: a.status,
    disposition: a.disposition,
    characteristics: a.characteristics,
    carriedFromReference: a.carriedFromId ? carriedRefs.get(a.carriedFromId) : undefined,
    order: a.order,
    updates: (updatesByAction.get(a.id) ?? []).map((u) => ({
      date: u.date.slice(0, 10),
      authorName: u.authorName,
      authorLogin: u.author?.upn || undefined,
      text: u.text,
      kind: u.kind,
      statusAtTime: u.statusAtTime,
      decision: u.decision,
      period: u.period,
      source: u.source ?? "",
      datePrecision: u.datePrecision ?? "exact",
      // A tree says only whether an update was published; the lead's edited wording stays on the item.
      publication: u.publication?.state === "approved" ? ("approved" as const) : ("draft" as const),
    })),
  });
  const tree: PlanTree = {
    title: plan.title,
    period: plan.period,
    status: plan.status,
    demonstration: plan.demonstration ?? false,
    localCharacteristics: plan.localCharacteristics,
    roles: structure.roles.map((r) => ({
      name: r.name,
      statement: r.statement,
      objectives: structure.objectives
        .filter((o) => o.roleId === r.id)
        .map((o) => ({
          statement: o.statement,
          source: o.source ?? "",
          order: o.order,
          whyItMatters: o.whyItMatters,
          outcomes: o.outcomes,
          connections: o.connections,
          priorities: o.priorities,
          crossCutting: o.crossCutting,
          commitments: structure.commitments
            .filter((c) => c.objectiveId === o.id)
            .map((c) => ({
              statement: c.statement,
              actions: actions.filter((a) => a.commitmentId === c.id).map(toTreeAction),
              continues: c.continues ?? undefined,
            })),
          actions: actions.filter((a) => a.objectiveId === o.id && a.commitmentId === null).map(toTreeAction),
        })),
    })),
  } as PlanTree;
  return { tree, actions, updates };
}

/**
 * The drafts as the preview shows them and as the plan tree the writer takes: role → objective → (commitment →)
 * action, in file order, leaving out objectives with no action left. The domain's own schema checks the result last.
 */
import { type PlanTreeInput, planTreeSchema, type TreeAction } from "../../domain/plan-tree.ts";
import { SINGLE_LINE_MAX } from "../../domain/types.ts";
import { matchOfficers } from "../officers.ts";
import type { ImportProblem, KnownPerson, PreviewAction } from "../types.ts";
import type { Draft, RoleDraft } from "./build-drafts.ts";

/** What the preview and the tree both say of an action. */
const actionFields = (d: Draft, people: readonly KnownPerson[] | undefined) => ({
  reference: d.reference,
  text: d.actionLines.join("\n"),
  teams: d.teams.join("\n"),
  officerLogins: matchOfficers(d.teams.join("\n"), people),
  successMeasures: d.measures,
  dueText: d.dueText,
});

export function previewActions(drafts: readonly Draft[], roles: readonly RoleDraft[], badRows: ReadonlySet<string>, o: { people?: readonly KnownPerson[]; skipInvalid?: boolean }): PreviewAction[] {
  return drafts.map((d) => ({
    rowKey: d.rowKey,
    place: d.place,
    role: d.roleIndex >= 0 ? roles[d.roleIndex].name : "",
    objective: d.roleIndex >= 0 && d.objectiveIndex >= 0 ? roles[d.roleIndex].objectives[d.objectiveIndex] : "",
    ...actionFields(d, o.people),
    skipped: Boolean(o.skipInvalid) && badRows.has(d.rowKey),
  }));
}

export interface AssembleOptions {
  title: string;
  period: string;
  fileName: string;
  people?: readonly KnownPerson[];
  /** Civil date given to imported progress updates. */
  today?: string;
}

export function assembleTree(roles: readonly RoleDraft[], kept: readonly Draft[], o: AssembleOptions): PlanTreeInput {
  const toAction = (d: Draft): TreeAction => ({
    ...actionFields(d, o.people),
    status: d.status,
    updates: d.update && o.today ? [{ date: o.today, authorName: `Imported from ${o.fileName}`.slice(0, SINGLE_LINE_MAX), text: d.update, kind: "progress" }] : [],
  });
  return {
    title: o.title,
    period: o.period,
    status: "active",
    roles: roles.map((r, ri) => ({
      name: r.name,
      statement: r.statement,
      objectives: r.objectives
        .map((statement, oi) => {
          const mine = kept.filter((d) => d.roleIndex === ri && d.objectiveIndex === oi);
          const commitments: Array<{ statement: string; actions: TreeAction[] }> = [];
          for (const d of mine.filter((x) => x.commitment)) {
            let c = commitments.find((x) => x.statement === d.commitment);
            if (!c) {
              c = { statement: d.commitment ?? "", actions: [] };
              commitments.push(c);
            }
            c.actions.push(toAction(d));
          }
          return { statement, commitments, actions: mine.filter((x) => !x.commitment).map(toAction), keep: mine.length > 0 };
        })
        .filter((x) => x.keep)
        .map(({ keep: _keep, ...x }) => x),
    })),
  };
}

/** Last line of defence: the domain's own schema (it should never disagree with the checks before it). */
export function schemaProblems(tree: PlanTreeInput): ImportProblem[] {
  const parsed = planTreeSchema.safeParse(tree);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ reason: "invalid" as const, place: {}, value: "", message: `${issue.path.join(".")}: ${issue.message}` }));
}

/**
 * A whole plan as one tree, without SharePoint ids: what the seed, the importers (Word, Excel, CSV) and rollover
 * produce, validated in full before anything is written (all or nothing).
 */
import { z } from "zod";
import { CONTINUITY_KINDS } from "./continuity.ts";
import {
  actionStatusSchema,
  characteristicKeySchema,
  dispositionSchema,
  isoDateSchema,
  MULTI_LINE_MAX,
  planStatusSchema,
  reviewDecisionSchema,
  SINGLE_LINE_MAX,
  updateKindSchema,
  UPDATE_DATE_PRECISIONS,
} from "./types.ts";

const line = z.string().trim().min(1).max(SINGLE_LINE_MAX);
const note = z.string().max(MULTI_LINE_MAX);

export const treeUpdateSchema = z.object({
  /** Civil date of the update, YYYY-MM-DD. */
  date: isoDateSchema,
  authorName: z.string().max(SINGLE_LINE_MAX),
  /** Sign-in name (UPN) of the author when they are a known person, or their email as a document gives it. */
  authorLogin: z.string().email().optional(),
  text: note.min(1),
  kind: updateKindSchema.default("progress"),
  statusAtTime: actionStatusSchema.nullable().default(null),
  decision: reviewDecisionSchema.nullable().default(null),
  /** Financial year, "2022-23". Derived from the date when absent. */
  period: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  /**
   * The body that reported it, as the document names it ("Policy and Communities team, report to Policy and
   * Resources Committee"); "" when unknown. Not the author: see update-source.ts.
   */
  source: z.string().max(SINGLE_LINE_MAX).default(""),
  /** "period-end" when the document gives no day and `date` is the last day of `period`. */
  datePrecision: z.enum(UPDATE_DATE_PRECISIONS).default("exact"),
  /**
   * "approved" for progress the council has already published (a committee paper): its text as written is the
   * approved text. Anything else arrives as a draft for the equalities lead (publication.ts).
   */
  publication: z.enum(["draft", "approved"]).default("draft"),
});
export type TreeUpdate = z.input<typeof treeUpdateSchema>;

export const treeActionSchema = z.object({
  /** Stable key within the tree ("CL-1"); also the item's reference. */
  reference: line,
  text: note.min(1),
  /** Responsible teams/officers as written ("Policy and Information team - Data Intelligence Officer"). */
  teams: note.default(""),
  /**
   * People named as responsible, by sign-in name (UPN), or by email address where a document gives one (SharePoint
   * resolves either); the first is the accountable owner. Never a claims login built from an email.
   */
  officerLogins: z.array(z.string().email()).default([]),
  successMeasures: z.array(z.string()).default([]),
  /** The delivery phrase as written: "March 2019", "Review by March 2018", "Ongoing", "2023-24", or an ISO date. */
  dueText: z.string().max(SINGLE_LINE_MAX).default(""),
  status: actionStatusSchema.default("not-started"),
  disposition: dispositionSchema.default("open"),
  characteristics: z.array(characteristicKeySchema).default([]),
  /** Reference of the action in the predecessor plan this one carries on. */
  carriedFromReference: z.string().optional(),
  updates: z.array(treeUpdateSchema).default([]),
  /** Position in the source document (the report keeps it); defaults to the order in the tree. */
  order: z.number().int().positive().optional(),
});
export type TreeAction = z.input<typeof treeActionSchema>;

export const treeCommitmentSchema = z.object({
  statement: note.min(1),
  actions: z.array(treeActionSchema).default([]),
  /** The action (same plan, by reference) this commitment restates: carried word for word, or developed. */
  continues: z.object({ reference: line, kind: z.enum(CONTINUITY_KINDS) }).optional(),
});

export const treeObjectiveSchema = z.object({
  statement: note.min(1),
  /**
   * Where the objective is set out, when a plan holds several framings of itself ("2020 revision", "2022-23
   * appendix"): shown beside the objective so that two framings of the same words are told apart. "" otherwise.
   */
  source: z.string().max(SINGLE_LINE_MAX).default(""),
  /** Position among the role's objectives; defaults to the order in the tree. */
  order: z.number().int().positive().optional(),
  whyItMatters: z.array(z.string()).default([]),
  outcomes: z.array(z.string()).default([]),
  connections: z.array(z.string()).default([]),
  priorities: z.array(z.string()).default([]),
  crossCutting: z.array(z.string()).default([]),
  commitments: z.array(treeCommitmentSchema).default([]),
  /** Actions directly under the objective (no commitment level). */
  actions: z.array(treeActionSchema).default([]),
});

export type TreeCommitment = z.input<typeof treeCommitmentSchema>;
export type TreeObjective = z.input<typeof treeObjectiveSchema>;

export const treeRoleSchema = z.object({
  name: line,
  statement: note.default(""),
  objectives: z.array(treeObjectiveSchema).default([]),
});

export type TreeRole = z.input<typeof treeRoleSchema>;

export const planTreeSchema = z.object({
  title: line,
  period: z.string().regex(/^\d{4}-\d{4}$/, "expected a period such as 2023-2027"),
  status: planStatusSchema.default("active"),
  /** Title of the predecessor plan, if any. */
  predecessorTitle: z.string().optional(),
  /** A demonstration plan (fictional delivery, shown as such), not one a council adopted. */
  demonstration: z.boolean().default(false),
  localCharacteristics: z.array(characteristicKeySchema).default([]),
  roles: z.array(treeRoleSchema).min(1, "a plan needs at least one role"),
});
export type PlanTreeInput = z.input<typeof planTreeSchema>;
export type PlanTree = z.output<typeof planTreeSchema>;

/** A person the seed or an import names (fictional in the seed: example.org). */
export const treePersonSchema = z.object({
  email: z.string().email(),
  name: line,
  /** Entra object id; fictional in local mode. */
  oid: z.string().optional(),
  /** Job title / team, shown in the "Sign in as" picker. */
  jobTitle: z.string().optional(),
  /** Member of the EDI group (may act on any action, sees the review views). */
  ediGroup: z.boolean().default(false),
});
export type TreePerson = z.input<typeof treePersonSchema>;

/** A problem found in a plan tree, with its place, before anything is written. */
export interface TreeProblem {
  place: string;
  field: string;
  value: string;
  message: string;
}

/** Where each action sits, for messages and for writing in order. */
export interface PlacedAction {
  roleIndex: number;
  objectiveIndex: number;
  commitmentIndex: number | null;
  action: z.output<typeof treeActionSchema>;
  place: string;
}

export function placedActions(tree: PlanTree): PlacedAction[] {
  const out: PlacedAction[] = [];
  for (const [ri, role] of tree.roles.entries()) {
    for (const [oi, obj] of role.objectives.entries()) {
      const base = `Role ${ri + 1} (${role.name}) › Objective ${oi + 1}`;
      for (const [ci, c] of obj.commitments.entries()) {
        for (const action of c.actions) {
          out.push({ roleIndex: ri, objectiveIndex: oi, commitmentIndex: ci, action, place: `${base} › Commitment ${ci + 1} › Action ${action.reference}` });
        }
      }
      for (const action of obj.actions) {
        out.push({ roleIndex: ri, objectiveIndex: oi, commitmentIndex: null, action, place: `${base} › Action ${action.reference}` });
      }
    }
  }
  return out;
}

/**
 * Links that point nowhere: a commitment that `continues` a reference no action of the tree has. Checked before
 * anything is written, with the other problems.
 */
export function continuationProblems(tree: PlanTree): TreeProblem[] {
  const references = new Set(placedActions(tree).map((p) => p.action.reference));
  const problems: TreeProblem[] = [];
  for (const [ri, role] of tree.roles.entries()) {
    for (const [oi, objective] of role.objectives.entries()) {
      for (const [ci, c] of objective.commitments.entries()) {
        if (c.continues && !references.has(c.continues.reference)) {
          problems.push({
            place: `Role ${ri + 1} (${role.name}) › Objective ${oi + 1} › Commitment ${ci + 1}`,
            field: "continues",
            value: c.continues.reference,
            message: "the commitment continues an action that is not in the plan",
          });
        }
      }
    }
  }
  return problems;
}

/** Turns zod issues into problems that name the place in the tree, the field and the offending value. */
export function zodProblems(error: z.ZodError, input: unknown): TreeProblem[] {
  return error.issues.map((issue) => {
    let value: unknown = input;
    for (const k of issue.path) value = (value as Record<string | number, unknown> | undefined)?.[k as string];
    const path = issue.path.map((k) => (typeof k === "number" ? `[${k + 1}]` : `.${String(k)}`)).join("").replace(/^\./, "");
    return {
      place: path || "plan",
      field: String(issue.path.at(-1) ?? ""),
      value: typeof value === "string" ? value.slice(0, 80) : JSON.stringify(value)?.slice(0, 80) ?? "",
      message: issue.message,
    };
  });
}

/**
 * Writes a whole plan (seed, import) to the lists, all or nothing in effect:
 * - everything is validated first (tree shape, due phrases, people), and nothing is written if anything is wrong;
 * - every created item carries an import key (unique column), so if writing stops part-way (throttling, network)
 *   running the same import again finishes it without duplicates.
 */
import { financialYearOf, parseDuePhrase } from "../../domain/dates.ts";
import { continuationProblems, type PlanTree, type PlanTreeInput, placedActions, planTreeSchema, type TreeProblem, zodProblems } from "../../domain/plan-tree.ts";
import type { Due, Person } from "../../domain/types.ts";
import { inBatches } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { eq } from "../odata.ts";
import { ensurePerson } from "../people/repository.ts";
import { getPlans } from "../plans/repository.ts";
import { type Item, list, queryOnce, queryWindowed } from "../queries.ts";
import { LIST_ORDER } from "../schema/lists.ts";
import type { ListKey } from "../schema/vocabulary.ts";
import { shortTitle, toKeys, toLines, toSpDate } from "../values.ts";

export class PlanTreeInvalid extends DataError {
  readonly problems: TreeProblem[];
  constructor(problems: TreeProblem[]) {
    super("invalid", `The plan has ${problems.length} problem(s); nothing was written.\n${problems.map((p) => `- ${p.place}: ${p.message}${p.value ? ` (value: "${p.value}")` : ""}`).join("\n")}`);
    this.problems = problems;
  }
}

export interface ValidatedTree {
  tree: PlanTree;
  dues: Map<string, Due>;
}

/** Validates shape and due phrases; returns every problem, not just the first. */
export function validatePlanTree(input: PlanTreeInput): { ok: true; value: ValidatedTree } | { ok: false; problems: TreeProblem[] } {
  const parsed = planTreeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, input) };
  const tree = parsed.data;
  const problems: TreeProblem[] = [];
  const dues = new Map<string, Due>();
  const seen = new Set<string>();
  for (const p of placedActions(tree)) {
    const ref = p.action.reference;
    if (seen.has(ref)) problems.push({ place: p.place, field: "reference", value: ref, message: "the same reference is used twice" });
    seen.add(ref);
    const due = parseDuePhrase(p.action.dueText);
    if (due.ok) dues.set(ref, due.due);
    else problems.push({ place: p.place, field: "dueText", value: p.action.dueText, message: due.error });
  }
  problems.push(...continuationProblems(tree));
  return problems.length ? { ok: false, problems } : { ok: true, value: { tree, dues } };
}

export interface WriteOptions {
  /** Stable id of this import: re-running with the same id finishes instead of duplicating. */
  importId: string;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface WriteResult {
  planId: number;
  created: Record<ListKey, number>;
  existing: number;
  people: Map<string, Person>;
}

export async function writePlanTree(sp: SPFI, input: PlanTreeInput, opts: WriteOptions): Promise<WriteResult> {
  const v = validatePlanTree(input);
  if (!v.ok) throw new PlanTreeInvalid(v.problems);
  const { tree, dues } = v.value;
  const created = Object.fromEntries(LIST_ORDER.map((k) => [k, 0])) as Record<ListKey, number>;
  let existing = 0;
  const key = (suffix: string) => `${opts.importId}/${suffix}`.slice(0, 255);

  // People first: an unknown email is a problem to report before any plan item exists.
  const emails = [...new Set(placedActions(tree).flatMap((p) => p.action.officerEmails))];
  const people = new Map<string, Person>();
  const resolved = await inBatches(sp, emails, (b, e) => ensurePerson(b, e));
  emails.forEach((e, i) => {
    people.set(e.toLowerCase(), resolved[i]);
  });

  // Plan
  const plans = await getPlans(sp);
  const planKey = key("plan");
  const [mine] = await queryOnce(sp, "plans", { filter: eq("ImportKey", planKey), select: ["Id"] });
  let planId: number;
  if (mine) {
    planId = mine.Id;
    existing++;
  } else {
    const clash = plans.find((p) => p.title.toLowerCase() === tree.title.toLowerCase());
    if (clash) throw new DataError("duplicate", `A plan called "${tree.title}" already exists on this site (id ${clash.id}); choose another name.`, { field: "title" });
    const predecessor = tree.predecessorTitle ? plans.find((p) => p.title === tree.predecessorTitle) : undefined;
    if (tree.predecessorTitle && !predecessor) throw new DataError("not-found", `Predecessor plan "${tree.predecessorTitle}" does not exist.`, { field: "predecessorTitle" });
    const item = (await callSharePoint("Creating the plan", () =>
      list(sp, "plans").items.add({
        Title: tree.title,
        Period: tree.period,
        PlanStatus: tree.status,
        PredecessorId: predecessor?.id ?? null,
        LocalCharacteristics: toKeys(tree.localCharacteristics),
        Demonstration: tree.demonstration,
        ImportKey: planKey,
      }),
    )) as Item;
    planId = item.Id;
    created.plans++;
  }

  /** Adds the rows not yet present (by import key) and returns key → id for all of them. */
  async function ensureRows(listKey: ListKey, rows: Array<{ key: string; fields: Record<string, unknown> }>): Promise<Map<string, number>> {
    const have = new Map<string, number>();
    const found = await callSharePoint(`Reading ${listKey}`, () =>
      queryWindowed(sp, listKey, { filter: eq("PlanId", planId), select: ["Id", "ImportKey"] }),
    );
    for (const i of found) if (typeof i.ImportKey === "string") have.set(i.ImportKey, i.Id);
    const missing = rows.filter((r) => !have.has(r.key));
    existing += rows.length - missing.length;
    const added = await callSharePoint(`Writing ${listKey}`, () =>
      inBatches(sp, missing, (b, r) => list(b, listKey).items.add({ ...r.fields, ImportKey: r.key }) as Promise<Item>, undefined, (done) =>
        opts.onProgress?.(listKey, done, missing.length),
      ),
    );
    for (const [n, r] of missing.entries()) have.set(r.key, added[n].Id);
    created[listKey] += missing.length;
    return have;
  }

  const roleIds = await ensureRows(
    "roles",
    tree.roles.map((r, i) => ({ key: key(`role/${i + 1}`), fields: { Title: r.name, PlanId: planId, Statement: r.statement, SortOrder: i + 1 } })),
  );
  const objectiveRows = tree.roles.flatMap((r, ri) =>
    r.objectives.map((o, oi) => ({
      key: key(`objective/${ri + 1}.${oi + 1}`),
      fields: {
        Title: shortTitle(o.statement),
        PlanId: planId,
        RoleId: roleIds.get(key(`role/${ri + 1}`)),
        Statement: o.statement,
        WhyItMatters: toLines(o.whyItMatters),
        Outcomes: toLines(o.outcomes),
        Connections: toLines(o.connections),
        Priorities: toLines(o.priorities),
        CrossCutting: toLines(o.crossCutting),
        SourceDocument: o.source,
        // The key stays positional; the order shown may differ (a seed keeps its first keys, shows by date).
        SortOrder: o.order ?? oi + 1,
      },
    })),
  );
  const objectiveIds = await ensureRows("objectives", objectiveRows);
  const commitmentRows = tree.roles.flatMap((r, ri) =>
    r.objectives.flatMap((o, oi) =>
      o.commitments.map((c, ci) => ({
        key: key(`commitment/${ri + 1}.${oi + 1}.${ci + 1}`),
        fields: {
          Title: shortTitle(c.statement),
          PlanId: planId,
          ObjectiveId: objectiveIds.get(key(`objective/${ri + 1}.${oi + 1}`)),
          Statement: c.statement,
          ContinuesReference: c.continues?.reference ?? null,
          ContinuityKind: c.continues?.kind ?? null,
          SortOrder: ci + 1,
        },
      })),
    ),
  );
  const commitmentIds = await ensureRows("commitments", commitmentRows);

  // Carried-from links point into the predecessor plan, by reference.
  const carried = new Map<string, number>();
  const needsCarry = placedActions(tree).some((p) => p.action.carriedFromReference);
  if (needsCarry && tree.predecessorTitle) {
    const pred = plans.find((p) => p.title === tree.predecessorTitle);
    if (pred) {
      const prior = await queryWindowed(sp, "actions", { filter: eq("PlanId", pred.id), select: ["Id", "Reference"] });
      for (const a of prior) carried.set(String(a.Reference), a.Id);
    }
  }

  const placed = placedActions(tree);
  const actionRows = placed.map((p, n) => {
    const a = p.action;
    const due = dues.get(a.reference)!;
    const officers = a.officerEmails.map((e) => people.get(e.toLowerCase())!.id);
    const lastUpdate = [...a.updates].sort((x, y) => y.date.localeCompare(x.date))[0];
    return {
      key: key(`action/${a.reference}`),
      fields: {
        Title: shortTitle(a.text),
        PlanId: planId,
        ObjectiveId: objectiveIds.get(key(`objective/${p.roleIndex + 1}.${p.objectiveIndex + 1}`)),
        CommitmentId: p.commitmentIndex === null ? null : commitmentIds.get(key(`commitment/${p.roleIndex + 1}.${p.objectiveIndex + 1}.${p.commitmentIndex + 1}`)),
        Reference: a.reference,
        ActionText: a.text,
        OwnerId: officers[0] ?? null,
        OfficersId: officers,
        Teams: a.teams,
        SuccessMeasures: toLines(a.successMeasures),
        DueDate: toSpDate(due.date),
        DuePrecision: due.precision,
        DueKind: due.kind,
        DueText: due.text,
        ActionStatus: a.status,
        Disposition: a.disposition,
        Characteristics: toKeys(a.characteristics),
        CarriedFromId: a.carriedFromReference ? (carried.get(a.carriedFromReference) ?? null) : null,
        LastUpdateAt: lastUpdate ? `${lastUpdate.date}T12:00:00Z` : null,
        LastUpdateSummary: lastUpdate ? shortTitle(lastUpdate.text) : null,
        SortOrder: a.order ?? n + 1,
      },
    };
  });
  const actionIds = await ensureRows("actions", actionRows);

  const updateRows = placed.flatMap((p) =>
    p.action.updates.map((u, j) => ({
      key: key(`update/${p.action.reference}/${j + 1}`),
      fields: {
        Title: shortTitle(u.text),
        ActionId: actionIds.get(key(`action/${p.action.reference}`)),
        PlanId: planId,
        // Historic updates carry a date only: noon keeps them on that civil date in any UK time zone.
        UpdateDate: `${u.date}T12:00:00Z`,
        UpdatedById: u.authorEmail ? (people.get(u.authorEmail.toLowerCase())?.id ?? null) : null,
        AuthorName: u.authorName,
        Body: u.text,
        StatusAtTime: u.statusAtTime,
        UpdateKind: u.kind,
        Period: u.period ?? financialYearOf(u.date),
        Decision: u.decision,
        UpdateSource: u.source,
        DatePrecision: u.datePrecision,
        // Progress already published (a committee paper) is approved as written; the rest awaits the lead.
        Publication: u.publication,
        ApprovedText: u.publication === "approved" ? u.text : null,
      },
    })),
  );
  await ensureRows("updates", updateRows);

  return { planId, created, existing, people };
}

/**
 * Writes a whole plan (seed, import, rollover) to the lists, all or nothing in effect:
 * - everything is validated first (tree shape, due phrases, people), and nothing is written if anything is wrong:
 *   every person who cannot be resolved is listed with their places (see people.ts) until a replacement is chosen;
 * - every created item carries an import key (unique column), so if writing stops part-way (throttling, network)
 *   running the same import again finishes it without duplicates, and an add whose reply was lost (re-sent, then
 *   refused as a duplicate of itself) is recognised by its key;
 * - people are resolved only for the items still to be written, so a re-run is not stopped by someone who left
 *   after their items were written.
 */
import { financialYearOf } from "../../domain/dates.ts";
import { parseDuePhrase } from "../../domain/due-phrases.ts";
import { continuationProblems, type PlanTree, type PlanTreeInput, placedActions, planTreeSchema, type TreeProblem, zodProblems } from "../../domain/plan-tree.ts";
import type { Due, Person } from "../../domain/types.ts";
import { inBatches } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { eq } from "../odata.ts";
import { getPlans } from "../plans/repository.ts";
import { type Item, list, queryOnce, queryWindowed } from "../queries.ts";
import { LIST_ORDER } from "../schema/lists.ts";
import type { ListKey } from "../schema/vocabulary.ts";
import { siteDates } from "../site-time-zone.ts";
import { shortTitle, toKeys, toLines } from "../values.ts";
import { placesOf, type Reassignments, resolvePeople } from "./people.ts";

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
  /** Who takes over from people who cannot be resolved (old login → new login). */
  reassign?: Reassignments;
}

export interface WriteResult {
  planId: number;
  created: Record<ListKey, number>;
  existing: number;
  /** The people written, by login as the plan names them (lower-case). */
  people: Map<string, Person>;
}

/** Import keys of the items a plan already has on the site, by list (empty when the plan is not there yet). */
async function existingKeys(sp: SPFI, planId: number | null, lists: readonly ListKey[]): Promise<Map<ListKey, Map<string, number>>> {
  const out = new Map<ListKey, Map<string, number>>(lists.map((l) => [l, new Map()]));
  if (planId === null) return out;
  await Promise.all(
    lists.map(async (l) => {
      const found = await callSharePoint(`Reading ${l}`, () => queryWindowed(sp, l, { filter: eq("PlanId", planId), select: ["Id", "ImportKey"] }));
      for (const i of found) if (typeof i.ImportKey === "string") out.get(l)?.set(i.ImportKey, i.Id);
    }),
  );
  return out;
}

export async function writePlanTree(sp: SPFI, input: PlanTreeInput, opts: WriteOptions): Promise<WriteResult> {
  const v = validatePlanTree(input);
  if (!v.ok) throw new PlanTreeInvalid(v.problems);
  const { tree, dues } = v.value;
  const created = Object.fromEntries(LIST_ORDER.map((k) => [k, 0])) as Record<ListKey, number>;
  let existing = 0;
  const key = (suffix: string) => `${opts.importId}/${suffix}`.slice(0, 255);

  // People before any plan item exists: everyone named on an item still to be written must resolve.
  const plans = await getPlans(sp);
  const planKey = key("plan");
  const [mine] = await queryOnce(sp, "plans", { filter: eq("ImportKey", planKey), select: ["Id"] });
  const known = await existingKeys(sp, mine?.Id ?? null, ["roles", "objectives", "commitments", "actions", "updates"]);
  const missingAction = (ref: string) => !known.get("actions")?.has(key(`action/${ref}`));
  const places = placesOf(tree, { action: missingAction, update: (ref, n) => !known.get("updates")?.has(key(`update/${ref}/${n}`)) });
  const [people, dates] = await Promise.all([resolvePeople(sp, places, opts.reassign), siteDates(sp)]);

  // Plan
  let planId: number;
  if (mine) {
    planId = mine.Id;
    existing++;
  } else {
    const clash = plans.find((p) => p.title.toLowerCase() === tree.title.toLowerCase());
    if (clash) throw new DataError("duplicate", `A plan called "${tree.title}" already exists on this site (id ${clash.id}); choose another name.`, { field: "title" });
    const predecessor = tree.predecessorTitle ? plans.find((p) => p.title === tree.predecessorTitle) : undefined;
    if (tree.predecessorTitle && !predecessor) throw new DataError("not-found", `Predecessor plan "${tree.predecessorTitle}" does not exist.`, { field: "predecessorTitle" });
    const fields = {
      Title: tree.title,
      Period: tree.period,
      PlanStatus: tree.status,
      PredecessorId: predecessor?.id ?? null,
      LocalCharacteristics: toKeys(tree.localCharacteristics),
      Demonstration: tree.demonstration,
      ImportKey: planKey,
    };
    const [item] = await callSharePoint("Creating the plan", () =>
      inBatches(sp, [fields], (b, f) => list(b, "plans").items.add(f) as Promise<Item>, {
        recover: async (failed) => {
          const found = (await recoverByKey(sp, "plans", null, [planKey])).get(planKey);
          return new Map(found ? failed.map((f) => [f, found] as const) : []);
        },
      }),
    );
    planId = item.Id;
    created.plans++;
  }

  /** Adds the rows not yet present (by import key) and returns key → id for all of them. */
  async function ensureRows(listKey: ListKey, rows: Array<{ key: string; fields: Record<string, unknown> }>): Promise<Map<string, number>> {
    const have = known.get(listKey) ?? new Map<string, number>();
    const missing = rows.filter((r) => !have.has(r.key));
    existing += rows.length - missing.length;
    const added = await callSharePoint(`Writing ${listKey}`, () =>
      inBatches(sp, missing, (b, r) => list(b, listKey).items.add({ ...r.fields, ImportKey: r.key }) as Promise<Item>, {
        // A $batch whose reply was lost is sent again, and its adds come back as duplicates of themselves.
        recover: async (failed) => {
          const found = await recoverByKey(sp, listKey, planId, failed.map((r) => r.key));
          return new Map(failed.flatMap((r) => (found.has(r.key) ? [[r, found.get(r.key) as Item] as const] : [])));
        },
        onProgress: (done) => opts.onProgress?.(listKey, done, missing.length),
      }),
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
    // Reassigned people may stand in for several: each person once, in the order first named.
    const officers = missingAction(a.reference) ? [...new Set(a.officerLogins.map((e) => people.get(e.toLowerCase())!.id))] : [];
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
        DueDate: dates.toSpDate(due.date),
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
        UpdatedById: u.authorLogin ? (people.get(u.authorLogin.toLowerCase())?.id ?? null) : null,
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

/** Items of `listKey` (of the plan, when known) whose import key is among `keys`: what a lost reply wrote. */
async function recoverByKey(sp: SPFI, listKey: ListKey, planId: number | null, keys: readonly string[]): Promise<Map<string, Item>> {
  const wanted = new Set(keys);
  const found =
    planId === null
      ? (await Promise.all(keys.map((k) => queryOnce(sp, listKey, { filter: eq("ImportKey", k), select: ["Id", "ImportKey"] })))).flat()
      : await queryWindowed(sp, listKey, { filter: eq("PlanId", planId), select: ["Id", "ImportKey"] });
  return new Map(found.filter((i) => wanted.has(String(i.ImportKey))).map((i) => [String(i.ImportKey), i]));
}

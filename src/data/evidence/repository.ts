/** Evidence linked to actions: read with the action, added once per submission, changed and removed with ETags. */
import { checkEvidence, type Evidence, type EvidenceInput } from "../../domain/evidence.ts";
import type { Person } from "../../domain/types.ts";
import { addOnce } from "../add-once.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { checked } from "../measure-invalid.ts";
import { eq } from "../odata.ts";
import { type Item, list, queryOnce, queryWindowed } from "../queries.ts";
import { siteDates, withSiteDates } from "../site-time-zone.ts";
import { EVIDENCE_EXPAND, EVIDENCE_SELECT, evidenceFields, evidenceFrom } from "./mapping.ts";

export const byEvidenceDate = (a: Evidence, b: Evidence) => b.date.localeCompare(a.date) || a.id - b.id;

export async function getActionEvidence(sp: SPFI, actionId: number): Promise<Evidence[]> {
  return callSharePoint("Reading the action's evidence", () =>
    withSiteDates(sp, queryOnce(sp, "evidence", { filter: eq("ActionId", actionId), select: EVIDENCE_SELECT, expand: EVIDENCE_EXPAND }), (items, dates) => items.map((i) => evidenceFrom(i, dates)).sort(byEvidenceDate)),
  );
}

export async function getPlanEvidence(sp: SPFI, planId: number): Promise<Evidence[]> {
  return callSharePoint("Reading the plan's evidence", () =>
    withSiteDates(sp, queryWindowed(sp, "evidence", { filter: eq("PlanId", planId), select: EVIDENCE_SELECT, expand: EVIDENCE_EXPAND }), (items, dates) => items.map((i) => evidenceFrom(i, dates)).sort(byEvidenceDate)),
  );
}

/** One evidence item. The request is issued before anything is awaited, so that it can travel in a $batch. */
export async function getEvidence(sp: SPFI, id: number): Promise<Evidence> {
  return callSharePoint(`Reading evidence ${id}`, async () => {
    const [item, dates] = await Promise.all([list(sp, "evidence").items.getById(id).select(...EVIDENCE_SELECT).expand(...EVIDENCE_EXPAND)() as Promise<Item>, siteDates(sp)]);
    return evidenceFrom(item, dates);
  });
}

export interface NewEvidence {
  action: { id: number; planId: number };
  input: EvidenceInput;
  /** The validated caller, written by the server only. */
  addedBy: Person | null;
  submissionKey: string;
}

export async function addEvidence(sp: SPFI, n: NewEvidence): Promise<Evidence> {
  const dates = await siteDates(sp);
  const { evidence } = checked("The evidence cannot be saved", checkEvidence(n.input));
  const { item } = await addOnce(sp, {
    list: "evidence",
    fields: { ...evidenceFields(evidence, dates), ActionId: n.action.id, PlanId: n.action.planId, AddedById: n.addedBy?.id ?? null, ImportKey: `submission:${n.submissionKey}` },
    keyField: "ImportKey",
    select: EVIDENCE_SELECT,
    expand: EVIDENCE_EXPAND,
    what: "Saving the evidence",
  });
  return evidenceFrom(item, dates);
}

export async function updateEvidence(sp: SPFI, e: Evidence, input: EvidenceInput): Promise<string | undefined> {
  const dates = await siteDates(sp);
  if (!e.etag) throw new DataError("invalid", "Evidence is changed with the ETag it was read with.");
  const { evidence } = checked("The evidence cannot be changed", checkEvidence(input));
  const res = await callSharePoint(`Changing evidence "${e.title}"`, () => list(sp, "evidence").items.getById(e.id).update(evidenceFields(evidence, dates), e.etag));
  return (res as { etag?: string } | undefined)?.etag;
}

/** Removes evidence read with its ETag: someone's change in between stops it (conflict). */
export async function removeEvidence(sp: SPFI, e: Evidence): Promise<void> {
  if (!e.etag) throw new DataError("invalid", "Evidence is removed with the ETag it was read with.");
  await callSharePoint(`Removing evidence "${e.title}"`, () => list(sp, "evidence").items.getById(e.id).delete(e.etag));
}

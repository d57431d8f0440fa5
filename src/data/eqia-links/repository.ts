/**
 * Links between EqIAs and actions, both ways: an EqIA's actions and an action's EqIAs are each one indexed query.
 * Linking the same pair again changes nothing (the unique LinkKey); a different relation is written over it.
 */
import { checkRelation, type EqiaLink } from "../../domain/evidence.ts";
import { addOnce } from "../add-once.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint } from "../errors.ts";
import { checked } from "../measure-invalid.ts";
import { eq } from "../odata.ts";
import { list, queryOnce } from "../queries.ts";
import { siteDates, withSiteDates } from "../site-time-zone.ts";
import { shortTitle } from "../values.ts";
import { LINK_EXPAND, LINK_SELECT, linkFrom, linkKey } from "./mapping.ts";

const byReference = (a: EqiaLink, b: EqiaLink) => a.actionReference.localeCompare(b.actionReference) || a.actionId - b.actionId;
export const byAssessment = (a: EqiaLink, b: EqiaLink) => (b.eqiaAssessedOn ?? "").localeCompare(a.eqiaAssessedOn ?? "") || a.eqiaId - b.eqiaId;

/** The actions an EqIA gave rise to or informs (the request issued before anything is awaited, so that it can travel in a $batch). */
export async function getEqiaActions(sp: SPFI, eqiaId: number): Promise<EqiaLink[]> {
  return callSharePoint("Reading the EqIA's actions", async () => {
    const [items, dates] = await Promise.all([queryOnce(sp, "eqiaLinks", { filter: eq("EqiaId", eqiaId), select: LINK_SELECT, expand: LINK_EXPAND }), siteDates(sp)]);
    return items.map((i) => linkFrom(i, dates)).sort(byReference);
  });
}

/** The EqIAs that gave rise to or inform an action. */
export async function getActionEqias(sp: SPFI, actionId: number): Promise<EqiaLink[]> {
  return callSharePoint("Reading the action's EqIAs", () =>
    withSiteDates(sp, queryOnce(sp, "eqiaLinks", { filter: eq("ActionId", actionId), select: LINK_SELECT, expand: LINK_EXPAND }), (items, dates) => items.map((i) => linkFrom(i, dates)).sort(byAssessment)),
  );
}

export async function linkEqia(sp: SPFI, eqia: { id: number; title: string }, action: { id: number; planId: number; reference: string }, relation: string): Promise<EqiaLink> {
  const dates = await siteDates(sp);
  const { relation: rel } = checked("The link cannot be saved", checkRelation(relation));
  const { item, existed } = await addOnce(sp, {
    list: "eqiaLinks",
    fields: { Title: shortTitle(`${eqia.title} → ${action.reference}`), EqiaId: eqia.id, ActionId: action.id, PlanId: action.planId, Relation: rel, LinkKey: linkKey(eqia.id, action.id) },
    keyField: "LinkKey",
    select: LINK_SELECT,
    expand: LINK_EXPAND,
    what: "Linking the EqIA to the action",
  });
  const link = linkFrom(item, dates);
  if (existed && link.relation !== rel) {
    await callSharePoint("Changing the link's relation", () => list(sp, "eqiaLinks").items.getById(link.id).update({ Relation: rel }));
    return { ...link, relation: rel };
  }
  return link;
}

export async function unlinkEqia(sp: SPFI, link: Pick<EqiaLink, "id">): Promise<void> {
  await callSharePoint("Removing the link", () => list(sp, "eqiaLinks").items.getById(link.id).delete());
}

/**
 * The EqIA feature's writes, through src/data (each checked by the domain's rules; changes with the ETag read):
 * an assessment added or changed, and its links to actions. Kept together so that they can be switched to the
 * product's server API without touching the views.
 */
import type { SPFI } from "../../../data/create-sp.ts";
import { linkEqia, unlinkEqia } from "../../../data/eqia-links/repository.ts";
import type { EqiaRecord } from "../../../data/eqias/mapping.ts";
import { createEqia, updateEqia } from "../../../data/eqias/repository.ts";
import { getActionReferences } from "../../../data/actions/repository.ts";
import { DataError } from "../../../data/errors.ts";
import type { EqiaInput, EqiaLink } from "../../../domain/evidence.ts";

export async function saveEqia(sp: SPFI, existing: EqiaRecord | null, input: EqiaInput, localCharacteristics: readonly string[], submissionKey: string): Promise<number> {
  if (existing) {
    await updateEqia(sp, existing, input, { localCharacteristics });
    return existing.id;
  }
  return (await createEqia(sp, { input, localCharacteristics, submissionKey })).id;
}

/** Links the action of `reference` in the plan; an unknown reference is said in words, nothing written. */
export async function linkAction(sp: SPFI, eqia: EqiaRecord, plan: { id: number; title: string }, reference: string, relation: string): Promise<EqiaLink> {
  const wanted = reference.trim().toLowerCase();
  const found = [...(await getActionReferences(sp, plan.id))].find(([, r]) => r.toLowerCase() === wanted);
  if (!found) throw new DataError("not-found", `Action reference: there is no action "${reference.trim()}" in ${plan.title}.`);
  return linkEqia(sp, eqia, { id: found[0], planId: plan.id, reference: found[1] }, relation);
}

export function unlinkAction(sp: SPFI, link: EqiaLink): Promise<void> {
  return unlinkEqia(sp, link);
}

/**
 * The EqIA feature's writes, through the product's server (`POST /api/eqias…`), which lets the EDI group and the
 * lead keep the register, checks each with the domain's rules and changes an assessment only as the person saw it
 * (its ETag): an assessment added or changed, and its links to actions.
 */
import type { EqiaRecord } from "../../../data/eqias/mapping.ts";
import type { EqiaInput, EqiaLink } from "../../../domain/evidence.ts";
import type { ApiClient } from "../../lib/api-client.ts";

export async function saveEqia(api: ApiClient, existing: EqiaRecord | null, input: EqiaInput, localCharacteristics: readonly string[], submissionKey: string): Promise<number> {
  const r = await api.saveEqia(existing?.id ?? null, { input, etag: existing?.etag, localCharacteristics, submissionKey });
  return r.eqia.id;
}

/** Links the action of `reference` in the plan; an unknown reference is said in words, nothing written. */
export async function linkAction(api: ApiClient, eqia: EqiaRecord, plan: { id: number }, reference: string, relation: string): Promise<EqiaLink> {
  return (await api.linkEqia(eqia.id, { planId: plan.id, reference, relation })).link;
}

export async function unlinkAction(api: ApiClient, link: EqiaLink): Promise<void> {
  await api.unlinkEqia(link.eqiaId, link.id);
}

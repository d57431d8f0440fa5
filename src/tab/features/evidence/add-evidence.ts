/**
 * The evidence feature's one write, through src/data (checked by the domain's rules; http(s) links only; added once
 * per submission). Kept alone so that it can be switched to the product's server API without touching the view.
 */
import type { Evidence, EvidenceInput } from "../../../domain/evidence.ts";
import type { Person } from "../../../domain/types.ts";
import type { SPFI } from "../../../data/create-sp.ts";
import { addEvidence } from "../../../data/evidence/repository.ts";

export function saveEvidence(sp: SPFI, action: { id: number; planId: number }, input: EvidenceInput, addedBy: Person, submissionKey: string): Promise<Evidence> {
  return addEvidence(sp, { action, input, addedBy, submissionKey });
}

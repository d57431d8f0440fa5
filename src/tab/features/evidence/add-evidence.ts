/**
 * The evidence feature's one write, through the product's server (`POST /api/actions/{id}/evidence`), which
 * checks who may add it and the evidence with the domain's rules (http(s) links only), adds it once per submission
 * and writes the person who added it from their sign-in.
 */
import type { Evidence, EvidenceInput } from "../../../domain/evidence.ts";
import type { ApiClient } from "../../lib/api-client.ts";

/** Removing evidence (`POST /api/actions/{id}/evidence/{evidenceId}/remove`) with the ETag the list read it with. */
export async function removeEvidence(api: ApiClient, action: { id: number }, evidence: Evidence): Promise<void> {
  await api.removeEvidence(action.id, evidence.id, { etag: evidence.etag ?? "" });
}

export async function saveEvidence(api: ApiClient, action: { id: number }, input: EvidenceInput, submissionKey: string): Promise<Evidence> {
  return (await api.addEvidence(action.id, { input, submissionKey })).evidence;
}

/**
 * The lead's pending proposals of the current plan: its date-change requests and their answers (two indexed
 * queries on PlanId and UpdateKind), the requests nobody has answered (domain/proposals.ts), and the actions they
 * are about, read in one $batch.
 */
import type { ActionRecord } from "../../../data/actions/mapping.ts";
import { getAction } from "../../../data/actions/repository.ts";
import { inBatch } from "../../../data/batching.ts";
import type { SPFI } from "../../../data/create-sp.ts";
import type { UpdateRecord } from "../../../data/updates/mapping.ts";
import { getDateChanges } from "../../../data/updates/repository.ts";
import { pendingProposals } from "../../../domain/proposals.ts";

export interface PendingProposal {
  proposal: UpdateRecord;
  action: ActionRecord;
}

export async function loadPendingProposals(sp: SPFI, planId: number): Promise<PendingProposal[]> {
  const pending = pendingProposals(await getDateChanges(sp, planId));
  if (pending.length === 0) return [];
  const ids = [...new Set(pending.map((p) => p.actionId))];
  const actions = new Map((await inBatch(sp, (b) => ids.map((id) => getAction(b, id)))).map((a) => [a.id, a]));
  // Oldest request first: the one waiting longest is answered first.
  return pending
    .filter((p) => actions.has(p.actionId))
    .map((proposal) => ({ proposal, action: actions.get(proposal.actionId) as ActionRecord }))
    .sort((a, b) => a.proposal.date.localeCompare(b.proposal.date) || a.proposal.id - b.proposal.id);
}

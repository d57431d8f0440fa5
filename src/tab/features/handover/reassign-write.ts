/**
 * The one place the handover view writes: through the product's server (`POST /api/people/{id}/handover`), which
 * checks the caller is in "EAP Equalities Leads", writes each action with the ETag it just read, and names the
 * lead who did it (the caller, never a name sent from here) in each action's timeline.
 */
import type { Person } from "../../../domain/types.ts";
import type { ApiClient, HandOverAnswer } from "../../lib/api-client.ts";

export interface HandoverRequest {
  from: Pick<Person, "id">;
  to: Pick<Person, "id">;
  actionIds: readonly number[];
}

export function handOver(api: ApiClient, r: HandoverRequest): Promise<HandOverAnswer> {
  return api.handOver(r.from.id, { toId: r.to.id, actionIds: [...r.actionIds] });
}

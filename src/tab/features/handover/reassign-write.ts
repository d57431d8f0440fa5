/**
 * The one place the handover view writes: for now with the equalities lead's own token, straight to SharePoint
 * through the data layer (each action with its ETag, a timeline entry each). When the product's server API takes
 * the tab's writes, only this module changes, to call its reassignment command.
 */
import { type ReassignResult, reassignActions } from "../../../data/actions/reassign.ts";
import type { SPFI } from "../../../data/create-sp.ts";
import type { Person } from "../../../domain/types.ts";

export interface HandoverRequest {
  from: Pick<Person, "id" | "name">;
  to: Pick<Person, "id" | "name">;
  actionIds: readonly number[];
  by: Pick<Person, "id" | "name">;
  now: Date;
}

export function handOver(sp: SPFI, r: HandoverRequest): Promise<ReassignResult> {
  return reassignActions(sp, { from: r.from, to: r.to, actions: r.actionIds, by: { id: r.by.id, name: r.by.name }, now: r.now });
}

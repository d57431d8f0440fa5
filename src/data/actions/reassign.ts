/**
 * Handing actions over: the equalities lead gives all of a person's open actions in plans that are not closed (or
 * a chosen set of them) to
 * someone else, when the owner has left or can no longer be reached. Each action is written with the ETag it was
 * just read with (a 412 re-reads it and tries once more, if it is still theirs), the new owner replaces the old
 * one among the responsible officers too, and each action's timeline gets a "handover" entry saying who handed it
 * from whom to whom (never published; written once however often a retry repeats it). The new owner is nudged by
 * the next reminder run (their nudges are new: the ledger is per officer).
 */
import { financialYearOf } from "../../domain/dates.ts";
import type { Person } from "../../domain/types.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { list } from "../queries.ts";
import { shortTitle } from "../values.ts";
import { getPlans } from "../plans/index.ts";
import type { ActionRecord } from "./mapping.ts";
import { getAction, getMyActions, updateAction } from "./repository.ts";

export interface Reassignment {
  /** Site users: whose actions, and who takes them. */
  from: Pick<Person, "id" | "name">;
  to: Pick<Person, "id" | "name">;
  /** A chosen set of the person's actions, by id or by reference ("CL-3"); all of their open actions when absent. */
  actions?: ReadonlyArray<number | string>;
  /** Who hands them over (the lead), for the timeline. */
  by: { id: number | null; name: string };
  reason?: string;
  now: Date;
}

export interface ReassignResult {
  moved: ActionRecord[];
  /** Actions chosen but not moved, each with why (not theirs, closed, changed by someone else meanwhile). */
  skipped: Array<{ id: number | string; reason: string }>;
}

const isOpen = (a: ActionRecord) => a.disposition === "open" && a.status !== "complete";

export async function reassignActions(sp: SPFI, r: Reassignment): Promise<ReassignResult> {
  if (r.from.id === r.to.id) throw new DataError("invalid", "The actions are already theirs: choose someone else to hand them to.");
  // A closed plan's actions are its history: never handed over (nobody acts on them any more).
  const [mine, plans] = await Promise.all([getMyActions(sp, r.from.id), getPlans(sp)]);
  const closed = new Set(plans.filter((p) => p.status === "closed").map((p) => p.id));
  const theirs = mine.filter((a) => isOpen(a) && !closed.has(a.planId));
  const find = (x: number | string) => theirs.find((a) => (typeof x === "number" ? a.id === x : a.reference.toLowerCase() === x.trim().toLowerCase()));
  const chosen = r.actions ? [...new Set(r.actions)] : theirs.map((a) => a.id);
  const result: ReassignResult = { moved: [], skipped: [] };
  for (const x of chosen) {
    const a = find(x);
    if (!a) {
      result.skipped.push({ id: x, reason: `not an open action of ${r.from.name}` });
      continue;
    }
    const id = a.id;
    try {
      result.moved.push(await moveOne(sp, a, r));
    } catch (err) {
      if (!(err instanceof DataError)) throw err;
      result.skipped.push({ id, reason: err.message });
    }
  }
  return result;
}

async function moveOne(sp: SPFI, read: ActionRecord, r: Reassignment): Promise<ActionRecord> {
  let a = read;
  for (let attempt = 0; ; attempt++) {
    const officerIds = [...new Set([r.to.id, ...a.officerIds.filter((id) => id !== r.from.id)])];
    try {
      const etag = await updateAction(sp, a.id, a.etag ?? "", { ownerId: r.to.id, officerIds });
      await addTimelineEntry(sp, a, r);
      return { ...a, ownerId: r.to.id, officerIds, owner: { id: r.to.id, name: r.to.name, email: "" }, etag };
    } catch (err) {
      if (!(err instanceof DataError) || err.reason !== "conflict" || attempt > 0) throw err;
      // Someone changed it between the read and the write: read it again; hand it over only if it is still theirs.
      a = await getAction(sp, a.id);
      if (a.ownerId !== r.from.id || !isOpen(a)) throw new DataError("conflict", `changed meanwhile: it is no longer an open action of ${r.from.name}`);
    }
  }
}

async function addTimelineEntry(sp: SPFI, a: ActionRecord, r: Reassignment): Promise<void> {
  const when = r.now.toISOString();
  const body = `Handed over from ${r.from.name} to ${r.to.name} by ${r.by.name}.${r.reason ? ` ${r.reason}` : ""}`;
  const fields = {
    Title: shortTitle(body),
    ActionId: a.id,
    PlanId: a.planId,
    UpdateDate: when,
    UpdatedById: r.by.id,
    AuthorName: r.by.name,
    Body: body,
    StatusAtTime: a.status,
    UpdateKind: "handover",
    Period: financialYearOf(when.slice(0, 10)),
    // One entry per handover of this action to this person at this instant, however often a retry repeats it.
    ImportKey: `handover:${a.id}:${r.from.id}:${r.to.id}:${when}`,
  };
  try {
    await callSharePoint("Recording the handover in the action's timeline", () => list(sp, "updates").items.add(fields));
  } catch (err) {
    if (!(err instanceof DataError && err.reason === "duplicate")) throw err;
  }
}

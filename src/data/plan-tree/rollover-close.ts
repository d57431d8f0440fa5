/**
 * Closing the old plan at the end of a rollover, without overwriting what was decided while it ran. The rollover's
 * snapshot of the old plan is read before the long write of the new plan; an EDI group's review decision recorded in
 * the meantime (an action now "remains ongoing") must survive. So each action is closed with the ETag read just
 * before its write (never If-Match *, never the snapshot's): an action whose disposition is no longer what the
 * snapshot said is kept as decided and reported; a write refused with 412 (changed between that read and the write)
 * is read again and judged again. A re-sent write whose reply was lost also meets 412, and the read then shows it
 * closed: ours, counted as closed.
 */
import { rolloverFate } from "../../domain/rollover.ts";
import type { Plan, PlanStatus } from "../../domain/types.ts";
import type { ActionRecord } from "../actions/mapping.ts";
import { batchOps, settleBatch } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError, toDataError } from "../errors.ts";
import { list } from "../queries.ts";
import { etagOf } from "../values.ts";

/** An action decided while the rollover ran: left as decided, not closed. */
export interface KeptDecision {
  id: number;
  reference: string;
  /** The disposition in the rollover's snapshot. */
  was: string;
  /** The disposition found just before closing ("" when the action is gone). */
  now: string;
}

export interface CloseResult {
  closed: number;
  kept: KeptDecision[];
}

/** Actions per read-then-write round: one $batch of reads, then one of writes. */
const CHUNK = 50;
/** How often an action that keeps changing under us (412) is read and tried again before giving up. */
const ROUNDS = 4;

interface Fresh {
  disposition: string;
  etag: string;
}

async function readFresh(sp: SPFI, actions: readonly ActionRecord[]): Promise<Map<number, Fresh | null>> {
  const settled = await settleBatch(sp, (b) => actions.map((a) => list(b, "actions").items.getById(a.id).select("Id", "Disposition")() as Promise<Record<string, unknown>>));
  const out = new Map<number, Fresh | null>();
  settled.forEach((s, i) => {
    if (s.ok) out.set(actions[i].id, { disposition: String(s.value.Disposition ?? ""), etag: etagOf(s.value) ?? "" });
    else if (toDataError(s.error).status === 404) out.set(actions[i].id, null);
    else throw toDataError(s.error, `Reading action ${actions[i].reference || actions[i].id}`);
  });
  return out;
}

/** Closes the snapshot's actions whose fate is "closed", each over the ETag read just before; keeps and reports later decisions. */
export async function closeOldActions(sp: SPFI, snapshot: readonly ActionRecord[]): Promise<CloseResult> {
  const toClose = snapshot.filter((a) => rolloverFate(a.disposition) === "closed").sort((a, b) => a.id - b.id);
  const result: CloseResult = { closed: 0, kept: [] };
  for (let i = 0; i < toClose.length; i += CHUNK) {
    let pending = toClose.slice(i, i + CHUNK);
    for (let round = 0; pending.length > 0; round++) {
      if (round === ROUNDS)
        throw new DataError("conflict", `Closing the old plan's actions: ${pending.map((a) => a.reference || a.id).join(", ")} kept changing while the rollover ran; run it again to finish.`);
      const fresh = await readFresh(sp, pending);
      const writes: Array<{ a: ActionRecord; etag: string }> = [];
      for (const a of pending) {
        const f = fresh.get(a.id);
        if (f?.disposition === "closed") result.closed++;
        else if (!f || f.disposition !== a.disposition) result.kept.push({ id: a.id, reference: a.reference, was: a.disposition, now: f?.disposition ?? "" });
        else writes.push({ a, etag: f.etag });
      }
      const settled = await batchOps(
        sp,
        writes.map((w) => (b: SPFI) => list(b, "actions").items.getById(w.a.id).update({ Disposition: "closed" }, w.etag)),
      );
      pending = [];
      settled.forEach((s, n) => {
        if (s.ok) result.closed++;
        else if (toDataError(s.error).status === 412) pending.push(writes[n].a);
        else throw toDataError(s.error, `Closing action ${writes[n].a.reference || writes[n].a.id}`);
      });
    }
  }
  return result;
}

/** A plan's status, written over the ETag read just before (the plan's item is the rollover's too). */
export async function setPlanStatusFresh(sp: SPFI, plan: Pick<Plan, "id" | "title">, status: PlanStatus): Promise<void> {
  const item = list(sp, "plans").items.getById(plan.id);
  for (let round = 0; ; round++) {
    try {
      return await callSharePoint(`Setting "${plan.title}" ${status}`, async () => {
        const now = (await item.select("Id", "PlanStatus")()) as Record<string, unknown>;
        if (now.PlanStatus !== status) await item.update({ PlanStatus: status }, etagOf(now));
      });
    } catch (err) {
      // Changed between our read and our write (or our own write's reply was lost): read again and judge again.
      if (!(err instanceof DataError && err.reason === "conflict") || round === ROUNDS) throw err;
    }
  }
}

/**
 * Claiming a run's work before anything is sent: each officer's digest of the day, one ledger row per officer and
 * London date. Whoever adds that row (or takes it over: failed, or pending past the lease) is the ONE instance that
 * sends the officer's digest, so two instances racing, however their $batch parts interleave, never both write to
 * the same person. The digest's nudges are recorded after the send (./send-digests.ts); which milestones are new
 * was decided from the ledger read at the start of the run. See docs/bot.md "Exactly once".
 */
import { londonDate } from "../../domain/london-time.ts";
import { type Claim, claimLedger, DIGEST_LOCK_REF, digestLockKey } from "../../data/ledger/index.ts";
import type { BotContext } from "../context.ts";
import { type OfficerWork, workKeys } from "./report.ts";

export interface Claimed {
  work: OfficerWork;
  /** The officer's digest row for today. */
  lockId: number;
}

export interface ClaimResult {
  claimed: Claimed[];
  /** Nudges of officers whose digest another instance (or an earlier run today) holds. */
  nudgesTaken: number;
}

export async function claimWork(ctx: BotContext, officers: readonly OfficerWork[], now: Date): Promise<ClaimResult> {
  const today = londonDate(now);
  const lockOf = (o: OfficerWork): Claim => ({
    key: digestLockKey(today, o.officerId),
    actionId: DIGEST_LOCK_REF,
    officerId: o.officerId,
    leadTime: "digest",
    runAt: now,
    conversationId: o.ref?.conversationId,
  });
  const locks = await claimLedger(ctx.sp, officers.map(lockOf), { now, leaseMs: ctx.leaseMs });
  const claimed: Claimed[] = [];
  let nudgesTaken = 0;
  for (const o of officers) {
    const r = locks.get(digestLockKey(today, o.officerId));
    if (r?.outcome === "claimed") claimed.push({ work: o, lockId: r.id });
    else {
      nudgesTaken += workKeys(o).length;
      if (r?.outcome === "error") ctx.log.warn({ officerId: o.officerId, err: r.error.message }, "could not claim an officer's digest; the next run will");
    }
  }
  return { claimed, nudgesTaken };
}

/**
 * Claiming a run's work before anything is sent. First each officer's digest of the day (one ledger row per officer
 * and London date): whoever adds or takes over that row is the ONE instance that sends the officer's digest, so two
 * instances racing, however their $batch parts interleave, never both write to the same person. Then, by the
 * holder only, each of the officer's nudges (one row per action, lead time and officer), so that no milestone is
 * sent twice across runs. See docs/bot.md "Exactly once".
 */
import { londonDate } from "../../domain/london-time.ts";
import { type Claim, claimLedger, DIGEST_LOCK_REF, digestLockKey, type LedgerMark } from "../../data/ledger/index.ts";
import type { BotContext } from "../context.ts";
import type { OfficerWork } from "./report.ts";

export interface Claimed {
  work: OfficerWork;
  /** The officer's digest row for today. */
  lockId: number;
  /** Ledger ids of the nudges this run claimed, by key. */
  nudgeIds: Map<string, number>;
}

export interface ClaimResult {
  claimed: Claimed[];
  /** Digest rows held but with nothing left to send: released at once. */
  releases: LedgerMark[];
  nudgesTaken: number;
}

export async function claimWork(ctx: BotContext, officers: readonly OfficerWork[], now: Date): Promise<ClaimResult> {
  const today = londonDate(now);
  const opts = { now, leaseMs: ctx.leaseMs };
  const lockOf = (o: OfficerWork): Claim => ({
    key: digestLockKey(today, o.officerId),
    actionId: DIGEST_LOCK_REF,
    officerId: o.officerId,
    leadTime: "digest",
    runAt: now,
    conversationId: o.ref?.conversationId,
  });
  const locks = await claimLedger(ctx.sp, officers.map(lockOf), opts);
  const held: Array<{ work: OfficerWork; lockId: number }> = [];
  for (const o of officers) {
    const r = locks.get(digestLockKey(today, o.officerId));
    if (r?.outcome === "claimed") held.push({ work: o, lockId: r.id });
    else if (r?.outcome === "error") ctx.log.warn({ officerId: o.officerId, err: r.error.message }, "could not claim an officer's digest; the next run will");
  }

  const nudgeClaims: Claim[] = held.flatMap(({ work: o }) =>
    o.nudges.map((n) => ({ key: n.key, actionId: n.actionId, officerId: n.officerId, leadTime: n.leadTime, runAt: now, conversationId: o.ref?.conversationId })),
  );
  const nudges = await claimLedger(ctx.sp, nudgeClaims, opts);
  const claimed: Claimed[] = [];
  const releases: LedgerMark[] = [];
  for (const h of held) {
    const nudgeIds = new Map<string, number>();
    for (const n of h.work.nudges) {
      const r = nudges.get(n.key);
      if (r?.outcome === "claimed") nudgeIds.set(n.key, r.id);
      else if (r?.outcome === "error") ctx.log.warn({ key: n.key, err: r.error.message }, "could not claim a reminder; the next run will");
    }
    // Nothing of theirs left to send (an earlier run sent it): free the day's row for a later run.
    if (nudgeIds.size) claimed.push({ ...h, nudgeIds });
    else releases.push({ id: h.lockId, state: "failed" });
  }
  const all = officers.reduce((n, o) => n + o.nudges.length, 0);
  return { claimed, releases, nudgesTaken: all - claimed.reduce((n, c) => n + c.nudgeIds.size, 0) };
}

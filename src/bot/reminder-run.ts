/**
 * One reminder run: read the due window (index-first), ask the pure policy what is due, claim each nudge in the
 * ledger BEFORE sending (the unique NudgeKey is the lock between instances), send one digest card per officer,
 * then mark the claims sent, in $batch requests. See docs/bot.md for the guarantees and their limits.
 */
import { addDays } from "../domain/dates.ts";
import { toHolidaySet } from "../domain/bank-holidays.ts";
import { londonDate } from "../domain/london-time.ts";
import { computeNudges, isQuietTime, type Nudge } from "../domain/reminder-policy.ts";
import type { ConversationRef, LedgerEntry } from "../domain/types.ts";
import { isWorkingDay } from "../domain/working-days.ts";
import type { ActionRecord } from "../data/actions/index.ts";
import { getConversations, markUnreachable } from "../data/conversations/index.ts";
import { getOpenActionsDueBy, getPlans } from "../data/index.ts";
import { claimNudges, getLedgerByKeys, getLedgerSince, LEDGER_BATCH_SIZE, type LedgerMark, markLedger, reclaimEntry } from "../data/ledger/index.ts";
import { attachment } from "./cards/common.ts";
import { buildDigestCard } from "./cards/digest-card.ts";
import type { BotContext } from "./context.ts";
import { MAX_IN_FLIGHT } from "./pacer.ts";
import { SendError } from "./sender.ts";

export type DigestOutcome = "sent" | "would-send" | "no-conversation" | "unreachable" | "failed" | "stopped";

export interface DigestReport {
  officerId: number;
  officerName: string;
  email: string;
  /** Actions listed on the card (all of the officer's due and overdue ones). */
  actionIds: number[];
  /** The nudges this digest delivers (new milestones). */
  nudgeKeys: string[];
  outcome: DigestOutcome;
  detail?: string;
}

export interface RunReport {
  now: string;
  dryRun: boolean;
  /** Why nothing was considered at all ("quiet hours", "not a working day"), else null. */
  skipped: string | null;
  actionsRead: number;
  nudgesDue: number;
  /** Nudges another instance (or an earlier run still in its lease) holds: not ours to send. */
  nudgesTaken: number;
  digests: DigestReport[];
  sent: number;
  failed: number;
  /** Ledger writes that failed after retries (those nudges may repeat once). */
  ledgerWriteFailures: number;
  /** Milliseconds spent computing (policy, grouping, card building), not waiting on the network. */
  computeMs: number;
}

export interface RunControl {
  /** Set by stop(): take no new digest, finish those in flight. */
  stopping: boolean;
}

const MARK_FLUSH_SIZE = LEDGER_BATCH_SIZE;

/** How far back a claim for a still-current milestone can be: the longest a milestone stays current, plus slack. */
export function ledgerLookbackDays(leadTimesDays: readonly number[], overdueEveryDays: number): number {
  const sorted = [...leadTimesDays].sort((a, b) => a - b);
  let gap = overdueEveryDays;
  for (let i = 1; i < sorted.length; i++) gap = Math.max(gap, sorted[i] - sorted[i - 1]);
  return gap + 10;
}

export async function runReminders(ctx: BotContext, opts: { now?: Date; dryRun?: boolean }, control: RunControl = { stopping: false }): Promise<RunReport> {
  const now = opts.now ?? ctx.now();
  const dryRun = opts.dryRun ?? false;
  const policy = ctx.policy;
  const report: RunReport = { now: now.toISOString(), dryRun, skipped: null, actionsRead: 0, nudgesDue: 0, nudgesTaken: 0, digests: [], sent: 0, failed: 0, ledgerWriteFailures: 0, computeMs: 0 };
  let computeStart = performance.now();
  const pause = () => {
    report.computeMs += performance.now() - computeStart;
  };
  const resume = () => {
    computeStart = performance.now();
  };

  const holidays = toHolidaySet(policy.bankHolidays);
  const today = londonDate(now);
  if (isQuietTime(now, policy.quietHours)) report.skipped = "quiet hours";
  else if (policy.workingDaysOnly && !isWorkingDay(today, holidays)) report.skipped = "not a working day";
  if (report.skipped) {
    pause();
    return report;
  }

  // 1. The due window: everything due up to the longest lead time ahead (plus moves to working days). Overdue
  // nudges never stop while an action is open, so the window has no lower bound; the read is by ID windows.
  const horizon = addDays(today, Math.max(...policy.leadTimesDays) + 7);
  const lookback = new Date(now.getTime() - ledgerLookbackDays(policy.leadTimesDays, policy.overdueEveryDays) * 86_400_000);
  pause();
  const [due, ledger, conversations, plans] = await Promise.all([
    getOpenActionsDueBy(ctx.sp, horizon),
    getLedgerSince(ctx.sp, lookback),
    getConversations(ctx.sp),
    getPlans(ctx.sp),
  ]);
  resume();
  // A closed plan's actions are its history, never nudged: a plan brought in from past papers keeps actions open
  // when no record closed them, and a rollover may not have closed them all.
  const closedPlans = new Set(plans.filter((p) => p.status === "closed").map((p) => p.id));
  const actions = due.filter((a) => !closedPlans.has(a.planId));
  report.actionsRead = due.length;

  // 2. What is due. `all` ignores the ledger: every action of an officer that is due or overdue goes on the card.
  const { nudges } = computeNudges({ actions, ledger, now, policy });
  const all = computeNudges({ actions, ledger: [], now, policy });
  report.nudgesDue = nudges.length;
  const byId = new Map(actions.map((a) => [a.id, a]));
  const byUpn = new Map<string, ConversationRef>();
  for (const c of conversations) if (c.upn) byUpn.set(c.upn.toLowerCase(), c);
  const ledgerByKey = new Map(ledger.map((e) => [e.key, e]));

  // Officers: who owns each nudge, and where to reach them.
  const officers = new Map<number, { owner: ActionRecord["owner"]; nudges: Nudge[]; listed: number[]; ref?: ConversationRef }>();
  for (const n of nudges) {
    const a = byId.get(n.actionId) as ActionRecord;
    let o = officers.get(n.officerId);
    if (!o) {
      o = { owner: a.owner, nudges: [], listed: [], ref: a.owner?.email ? byUpn.get(a.owner.email.toLowerCase()) : undefined };
      officers.set(n.officerId, o);
    }
    o.nudges.push(n);
  }
  for (const n of all.nudges) officers.get(n.officerId)?.listed.push(n.actionId);

  const reachable: Array<[number, NonNullable<ReturnType<typeof officers.get>>]> = [];
  for (const [officerId, o] of officers) {
    const base = { officerId, officerName: o.owner?.name ?? "", email: o.owner?.email ?? "", actionIds: o.listed, nudgeKeys: o.nudges.map((n) => n.key) };
    if (!o.ref) report.digests.push({ ...base, outcome: "no-conversation", detail: "has not installed the app in Teams" });
    else if (o.ref.unreachable) report.digests.push({ ...base, outcome: "unreachable", detail: o.ref.unreachableReason ?? "unreachable" });
    else reachable.push([officerId, o]);
  }

  if (dryRun) {
    for (const [officerId, o] of reachable) {
      report.digests.push({ officerId, officerName: o.owner?.name ?? "", email: o.owner?.email ?? "", actionIds: o.listed, nudgeKeys: o.nudges.map((n) => n.key), outcome: "would-send" });
    }
    pause();
    return report;
  }

  // 3. Claim. Existing entries (pending past the lease, or failed) are taken over by ETag; new ones are added,
  // officers packed whole into batches so that two instances racing split the work by officer, not within one.
  const claimedIds = new Map<string, number>();
  const fresh: Nudge[] = [];
  const takeOver: LedgerEntry[] = [];
  for (const [, o] of reachable) {
    for (const n of o.nudges) {
      const e = ledgerByKey.get(n.key);
      if (!e) fresh.push(n);
      else if (claimable(e, now, ctx.leaseMs)) takeOver.push(e);
      else report.nudgesTaken++;
    }
  }
  pause();
  const outcomes = await claimNudges(
    ctx.sp,
    fresh.map((n) => ({ key: n.key, actionId: n.actionId, officerId: n.officerId, leadTime: n.leadTime, runAt: now, conversationId: officers.get(n.officerId)?.ref?.conversationId })),
  );
  const taken: string[] = [];
  for (const r of outcomes) {
    if (r.outcome === "claimed") claimedIds.set(r.key, r.id);
    else if (r.outcome === "taken") taken.push(r.key);
    else ctx.log.warn({ key: r.key, err: r.error.message }, "could not claim a reminder; it will be tried next run");
  }
  // A key we did not see may be an old claim beyond the lookback (a long crash): read it and take it over if stale.
  if (taken.length) for (const e of await getLedgerByKeys(ctx.sp, taken)) if (claimable(e, now, ctx.leaseMs)) takeOver.push(e);
  for (const e of takeOver) {
    if (await reclaimEntry(ctx.sp, e, now)) claimedIds.set(e.key, e.id as number);
  }
  resume();
  report.nudgesTaken = reachable.reduce((n, [, o]) => n + o.nudges.length, 0) - claimedIds.size;

  // 4. Send, one digest per officer holding at least one claim.
  const marks: LedgerMark[] = [];
  const flush = async (force: boolean) => {
    // Full batches only while sending (a request per 50 marks), the remainder at the end.
    const n = force ? marks.length : marks.length - (marks.length % MARK_FLUSH_SIZE);
    if (n === 0) return;
    const chunk = marks.splice(0, n);
    const failed = await markLedger(ctx.sp, chunk);
    report.ledgerWriteFailures += failed.length;
    if (failed.length) ctx.log.error({ ids: failed }, "could not record reminder outcomes in the ledger");
  };
  const queue = reachable.filter(([, o]) => o.nudges.some((n) => claimedIds.has(n.key)));
  pause(); // from here on, only card building counts as computing (measured inside the workers)
  const worker = async () => {
    for (;;) {
      const next = queue.shift();
      if (!next) return;
      const [officerId, o] = next;
      const ref = o.ref as ConversationRef;
      const mine = o.nudges.filter((n) => claimedIds.has(n.key));
      const ids = mine.map((n) => claimedIds.get(n.key) as number);
      const base = { officerId, officerName: o.owner?.name ?? "", email: o.owner?.email ?? "", actionIds: o.listed, nudgeKeys: mine.map((n) => n.key) };
      if (control.stopping) {
        // Released at once (not left to the lease) so that the next run sends them.
        for (const id of ids) marks.push({ id, state: "failed" });
        report.digests.push({ ...base, outcome: "stopped" });
        continue;
      }
      const t0 = performance.now();
      const listed = o.listed.map((id) => byId.get(id)).filter((a): a is ActionRecord => a !== undefined);
      const card = buildDigestCard({
        officerName: o.owner?.name ?? ref.name,
        actions: listed,
        now,
        links: ctx.links,
        refreshObjectIds: [ref.userId],
        bankHolidays: policy.bankHolidays,
      });
      report.computeMs += performance.now() - t0;
      try {
        const messageId = await ctx.sender.send(
          { serviceUrl: ref.serviceUrl, conversationId: ref.conversationId },
          { type: "message", summary: "Your equality actions due", attachments: [attachment(card)] },
          () => control.stopping,
        );
        const sentAt = new Date();
        for (const id of ids) marks.push({ id, state: "sent", sentAt, messageId: messageId ?? null, conversationId: ref.conversationId });
        report.digests.push({ ...base, outcome: "sent" });
        report.sent++;
      } catch (err) {
        const e = err instanceof SendError ? err : new SendError("transient", String(err));
        for (const id of ids) marks.push({ id, state: "failed" });
        if (e.reason === "cancelled") {
          report.digests.push({ ...base, outcome: "stopped" });
          await flush(false);
          continue;
        }
        report.digests.push({ ...base, outcome: e.unreachable ? "unreachable" : "failed", detail: e.message });
        report.failed++;
        if (e.unreachable) {
          try {
            await markUnreachable(ctx.sp, ref, e.reason === "blocked" ? "Blocked or removed the bot (Teams: MessageWritesBlocked)" : "Conversation not found (the app was removed)");
          } catch (markErr) {
            ctx.log.error({ err: String(markErr), upn: ref.upn }, "could not mark a person unreachable");
          }
        }
      }
      await flush(false);
    }
  };
  await Promise.all(Array.from({ length: MAX_IN_FLIGHT }, worker));
  await flush(true);
  return report;
}

/** A "failed" entry, or a "pending" one older than the lease (its run crashed), may be taken over. */
export function claimable(e: LedgerEntry, now: Date, leaseMs: number): boolean {
  if (e.state === "failed") return true;
  if (e.state !== "pending") return false;
  const at = Date.parse(e.runAt);
  return Number.isNaN(at) || now.getTime() - at >= leaseMs;
}

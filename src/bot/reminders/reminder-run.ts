/**
 * One reminder run: read the due window (index-first), ask the pure policy what is due, claim each officer's digest
 * and their nudges in the ledger BEFORE sending (./claims.ts), send one digest card per officer (./send-digests.ts)
 * and record what happened, in $batch requests. See docs/bot.md for the guarantees and their limits.
 */
import type { ActionRecord } from "../../data/actions/index.ts";
import { getConversations } from "../../data/conversations/index.ts";
import { getActionsByIds, getOpenActionsDueBy, getPlans } from "../../data/index.ts";
import { getLedgerSince } from "../../data/ledger/index.ts";
import { toHolidaySet } from "../../domain/bank-holidays.ts";
import { carriedHistory, historyNeeded } from "../../domain/carried-history.ts";
import { addDays } from "../../domain/dates.ts";
import { londonDate } from "../../domain/london-time.ts";
import { computeNudges, isQuietTime } from "../../domain/reminder-policy.ts";
import type { ConversationRef } from "../../domain/types.ts";
import { isWorkingDay } from "../../domain/working-days.ts";
import type { BotContext } from "../context.ts";
import type { RunControl } from "../scheduler.ts";
import { type Claimed, claimWork } from "./claims.ts";
import { type MeasureWork, readMeasureWork } from "./measure-work.ts";
import { checkDirectory, reachByInstallation } from "./reach.ts";
import { digestReport, emptyReport, type OfficerWork, type RunReport } from "./report.ts";
import { route } from "./routing.ts";
import { sendDigests } from "./send-digests.ts";
import { WorkQueue } from "./work-queue.ts";

/** Officers claimed per round: their digest rows fill one $batch request (50 rows). */
const OFFICERS_PER_CLAIM = 50;

export type { DigestOutcome, DigestReport, RunReport } from "./report.ts";

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
  const report = emptyReport(now, dryRun, ctx.sender.pacer.perSecond);
  const today = londonDate(now);
  if (isQuietTime(now, policy.quietHours)) report.skipped = "quiet hours";
  else if (policy.workingDaysOnly && !isWorkingDay(today, toHolidaySet(policy.bankHolidays))) report.skipped = "not a working day";
  if (report.skipped) return report;

  // 1. The due window: everything due up to the longest lead time ahead (plus moves to working days). Overdue
  // nudges never stop while an action is open, so the window has no lower bound; the read is by ID windows.
  const horizon = addDays(today, Math.max(...policy.leadTimesDays) + 7);
  const lookback = new Date(now.getTime() - ledgerLookbackDays(policy.leadTimesDays, policy.overdueEveryDays) * 86_400_000);
  const [due, ledger, conversations, plans] = await Promise.all([
    getOpenActionsDueBy(ctx.sp, horizon),
    getLedgerSince(ctx.sp, lookback),
    getConversations(ctx.sp),
    getPlans(ctx.sp),
  ]);
  // A closed plan's actions are its history, never nudged: a plan brought in from past papers keeps actions open
  // when no record closed them, and a rollover may not have closed them all.
  const closedPlans = new Set(plans.filter((p) => p.status === "closed").map((p) => p.id));
  const actions = await withCarriedHistory(
    ctx,
    due.filter((a) => !closedPlans.has(a.planId)),
  );
  report.actionsRead = due.length;
  // Values due by indicators' frequencies and EqIAs to review: a few reads per run, on the same digests.
  const measures = await readMeasureWork(ctx, { now, openPlanIds: plans.filter((p) => p.status !== "closed").map((p) => p.id), known: actions });
  report.figuresDue = measures.figures.length;
  report.reviewsDue = measures.reviews.length;

  // 2. What is due. `all` ignores the ledger: every action of an officer that is due or overdue goes on the card.
  const t0 = performance.now();
  const officers = groupByOfficer(actions, measures, conversations, ledger, now, ctx, report);
  report.computeMs += performance.now() - t0;

  // Officers with no conversation get the app installed first (Graph); then each is routed to Teams or email.
  if (!dryRun) {
    await checkDirectory(ctx, officers, now, report);
    await reachByInstallation(ctx, officers, now, report);
  }
  const reachable = await route(ctx, officers, report, dryRun);
  if (dryRun) return report;

  // 3. Claim, OFFICERS_PER_CLAIM officers at a time, and 4. send and record what is claimed while the rest is.
  const queue = new WorkQueue<Claimed>();
  const pacing = { throttled: ctx.sender.pacer.stats.throttled };
  ctx.sender.pacer.stats.lowestPerSecond = ctx.sender.pacer.perSecond;
  const sending = sendDigests(ctx, queue, new Map(actions.map((a) => [a.id, a])), now, report, control);
  try {
    for (let i = 0; i < reachable.length; i += OFFICERS_PER_CLAIM) {
      if (control.stopping) {
        // Not claimed: nothing to release; the next run has them.
        for (const o of reachable.slice(i)) report.digests.push(digestReport(o, "stopped"));
        break;
      }
      const { claimed, nudgesTaken } = await claimWork(ctx, reachable.slice(i, i + OFFICERS_PER_CLAIM), now);
      report.nudgesTaken += nudgesTaken;
      queue.push(...claimed);
    }
  } finally {
    queue.close();
    await sending.done;
    report.throttled = ctx.sender.pacer.stats.throttled - pacing.throttled;
    report.lowestSendsPerSecond = ctx.sender.pacer.stats.lowestPerSecond;
  }
  return report;
}

/**
 * Officers with a new nudge (an action's milestone, a value to give, an EqIA to review), each with every due action
 * of theirs and their conversation (matched on UPN).
 */
function groupByOfficer(
  actions: readonly ActionRecord[],
  measures: MeasureWork,
  conversations: readonly ConversationRef[],
  ledger: Parameters<typeof computeNudges>[0]["ledger"],
  now: Date,
  ctx: BotContext,
  report: RunReport,
): OfficerWork[] {
  const { nudges } = computeNudges({ actions, ledger, now, policy: ctx.policy });
  const all = computeNudges({ actions, ledger: [], now, policy: ctx.policy });
  report.nudgesDue = nudges.length;
  const byId = new Map(actions.map((a) => [a.id, a]));
  const byUpn = new Map<string, ConversationRef>();
  for (const c of conversations) if (c.upn) byUpn.set(c.upn.toLowerCase(), c);
  const officers = new Map<number, OfficerWork>();
  const officer = (id: number, owner: OfficerWork["owner"]): OfficerWork => {
    let o = officers.get(id);
    if (!o) {
      // The owner (a site user, by claims login) meets their conversation (from Teams) on the UPN, never the email.
      o = { officerId: id, owner, nudges: [], listed: [], figures: [], reviews: [], ref: owner?.upn ? byUpn.get(owner.upn) : undefined };
      officers.set(id, o);
    }
    return o;
  };
  for (const n of nudges) officer(n.officerId, (byId.get(n.actionId) as ActionRecord).owner).nudges.push(n);
  for (const f of measures.figures) officer(f.officerId, f.officer).figures.push(f);
  for (const r of measures.reviews) officer(r.officerId, r.officer).reviews.push(r);
  for (const n of all.nudges) officers.get(n.officerId)?.listed.push(n.actionId);
  return [...officers.values()];
}

/**
 * Carried actions without their own last update or measures show those of the action they came from (one more
 * read, by id, only when the window holds such actions). A failed read leaves the cards without it, never the run.
 */
async function withCarriedHistory(ctx: BotContext, actions: ActionRecord[]): Promise<ActionRecord[]> {
  const ids = historyNeeded(actions);
  if (ids.length === 0) return actions;
  try {
    const sources = new Map((await getActionsByIds(ctx.sp, ids)).map((s) => [s.id, s]));
    return actions.map((a) => {
      const carried = carriedHistory(a, a.carriedFromId === null ? undefined : sources.get(a.carriedFromId));
      return carried ? { ...a, carried } : a;
    });
  } catch (err) {
    ctx.log.warn({ err: String(err) }, "could not read the history of carried actions; cards show their own only");
    return actions;
  }
}

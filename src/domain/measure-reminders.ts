/**
 * Two more kinds of nudge for the reminder bot, pure and deterministic like reminder-policy.ts (whose quiet hours,
 * working days and bank holidays they share), and exactly-once through the same ledger: each nudge has a key the
 * ledger holds in its unique column.
 *
 * A VALUE DUE (an indicator's value for its last complete period):
 *  1. Nothing in quiet hours or on a non-working day (the policy's rules).
 *  2. Never for an action that is complete, not open (closed, or moved on into a new plan) or snoozed. (Actions of
 *     closed plans never reach this rule: the caller passes open plans' indicators, as for reminders.)
 *  3. The period P is the last complete one (ended before today, London). Nothing when P is before the first period
 *     values are expected for (indicator-progress.ts), or when P (or a later period) already has a value.
 *  4. The value is due on the first working day on or after P's end + `graceDays` (figures take time to collect);
 *     nothing before that day.
 *  5. Only P is asked for (catch-up, as for milestones): older periods without a value are listed in `missing`, not
 *     nudged one by one, and a bot that was down sends one nudge, not a backlog. When a later period ends without a
 *     value, its own key makes one new nudge.
 *  6. Who: the indicator's owner, else the action's accountable officer; nobody → no nudge.
 *  7. Key = `${actionId}:value-${indicatorId}-${periodId}:${officerId}` (ActionRef = the action), the shape of the
 *     ledger's other keys: action, what, officer. A key held "sent" or "skipped" is never returned again.
 *
 * An EQIA REVIEW (an Equality Impact Assessment whose review date approaches):
 *  - the same milestones as an action's due date (28, 14, 7, 1 days before, on the day, then weekly while
 *    overdue; reminder-policy.ts `currentMilestone`), only the current one, to the EqIA's owner (else the
 *    equalities lead passed in);
 *  - Key = `eqia-${eqiaId}:review-${reviewDate}-${leadTime}:${officerId}`; a new review date gives new keys;
 *  - its ledger ActionRef is the NEGATIVE EqIA id: never 0 (the EDI channel digest's entries) and never an action's.
 */
import { toHolidaySet } from "./bank-holidays.ts";
import { addDays } from "./dates.ts";
import { type IndicatorPeriod, nextIndicatorPeriod, periodFromId, periodsBetween } from "./indicator-periods.ts";
import { firstExpectedPeriod, lastCompletePeriod, type ProgressIndicator } from "./indicator-progress.ts";
import type { IndicatorSummary } from "./indicators.ts";
import { londonDate, londonMidnightToInstant } from "./london-time.ts";
import { currentMilestone, DEFAULT_REMINDER_POLICY, isQuietTime, type ReminderPolicy } from "./reminder-policy.ts";
import type { Action, LedgerEntry } from "./types.ts";
import { isWorkingDay, nextWorkingDayOnOrAfter } from "./working-days.ts";

/** Days after a period's end before its value is asked for. */
export const DEFAULT_VALUE_GRACE_DAYS = 14;

export type ValueDueIndicator = ProgressIndicator & { id: number; actionId: number; ownerId: number | null; summary: IndicatorSummary | null };
export type ValueDueAction = Pick<Action, "id" | "ownerId" | "status" | "disposition" | "snoozedUntil">;

export interface ValueNudge {
  key: string;
  actionId: number;
  indicatorId: number;
  officerId: number;
  /** The period whose value is asked for. */
  period: IndicatorPeriod;
  /** The day it fell due (a working day). */
  dueOn: string;
  /** Every complete period since the last value (or since values are expected), P included, oldest first. */
  missing: IndicatorPeriod[];
}

export function valueNudgeKey(actionId: number, indicatorId: number, periodId: string, officerId: number): string {
  return `${actionId}:value-${indicatorId}-${periodId}:${officerId}`;
}

const finalStates = (ledger: readonly Pick<LedgerEntry, "key" | "state">[]) =>
  new Set(ledger.filter((e) => e.state === "sent" || e.state === "skipped").map((e) => e.key));

/** As the reminder policy reads a snooze: a date alone means 00:00 London that day; unreadable means none. */
function snoozed(until: string | null, now: Date): boolean {
  const s = until?.trim() ?? "";
  if (s === "") return false;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(londonMidnightToInstant(s)) : Date.parse(s);
  return !Number.isNaN(t) && t > now.getTime();
}

/** Rule 1, as for reminders: not in quiet hours, and only on working days when the policy says so. */
function sendingTime(now: Date, policy: ReminderPolicy): boolean {
  if (Number.isNaN(now.getTime())) throw new RangeError("now is not a valid instant");
  if (isQuietTime(now, policy.quietHours)) return false;
  return !policy.workingDaysOnly || isWorkingDay(londonDate(now), toHolidaySet(policy.bankHolidays));
}

/** Why no value can be asked for on this action, or null. */
export function valueIneligibleReason(action: ValueDueAction, now: Date): string | null {
  if (action.status === "complete") return "complete";
  if (action.disposition !== "open") return `disposition ${action.disposition}`;
  if (snoozed(action.snoozedUntil, now)) return "snoozed";
  return null;
}

/** The value due for one indicator at `now` (rules 3–4), ignoring who and the ledger; null when none. */
export function valueDue(
  indicator: ValueDueIndicator,
  now: Date,
  opts: { policy?: ReminderPolicy; graceDays?: number } = {},
): { period: IndicatorPeriod; dueOn: string; missing: IndicatorPeriod[] } | null {
  const policy = opts.policy ?? DEFAULT_REMINDER_POLICY;
  const holidays = toHolidaySet(policy.bankHolidays);
  const today = londonDate(now);
  const last = lastCompletePeriod(indicator, today);
  const latest = indicator.summary ? periodFromId(indicator.frequency, indicator.summary.latestPeriod) : null;
  if (latest && latest.start >= last.start) return null;
  const first = firstExpectedPeriod(indicator, latest ?? undefined);
  if (!first || last.start < first.start) return null;
  const nominal = addDays(last.end, opts.graceDays ?? DEFAULT_VALUE_GRACE_DAYS);
  const dueOn = policy.workingDaysOnly ? nextWorkingDayOnOrAfter(nominal, holidays) : nominal;
  if (dueOn > today) return null;
  const from = latest && latest.start >= first.start ? nextIndicatorPeriod(latest) : first;
  return { period: last, dueOn, missing: periodsBetween(from, last) };
}

export interface ValueNudgeInput {
  indicators: readonly ValueDueIndicator[];
  actions: readonly ValueDueAction[];
  ledger: readonly Pick<LedgerEntry, "key" | "state">[];
  now: Date;
  policy?: ReminderPolicy;
  graceDays?: number;
}

/** The values to ask for at `now`, sorted by officer, action, indicator. See the rules at the top. */
export function computeValueNudges(input: ValueNudgeInput): ValueNudge[] {
  return sendingTime(input.now, input.policy ?? DEFAULT_REMINDER_POLICY) ? valuesDueAt(input) : [];
}

/**
 * Rules 2–7 without rule 1: the values due at `now`, whenever that is. What a card pressed in the evening or at the
 * weekend still asks for (quiet hours and working days decide when nudges go out, not what is due).
 */
export function valuesDueAt(input: ValueNudgeInput): ValueNudge[] {
  const { now } = input;
  const policy = input.policy ?? DEFAULT_REMINDER_POLICY;
  const done = finalStates(input.ledger);
  const actions = new Map(input.actions.map((a) => [a.id, a]));
  const out: ValueNudge[] = [];
  const seen = new Set<string>();
  for (const ind of input.indicators) {
    const action = actions.get(ind.actionId);
    if (!action || valueIneligibleReason(action, now) !== null) continue;
    const officerId = ind.ownerId ?? action.ownerId;
    if (officerId === null) continue;
    const due = valueDue(ind, now, { policy, graceDays: input.graceDays });
    if (!due) continue;
    const key = valueNudgeKey(ind.actionId, ind.id, due.period.id, officerId);
    if (done.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push({ key, actionId: ind.actionId, indicatorId: ind.id, officerId, ...due });
  }
  return out.sort((a, b) => a.officerId - b.officerId || a.actionId - b.actionId || a.indicatorId - b.indicatorId);
}

// ---------------------------------------------------------------------------------------------------------------
// EqIA reviews.

export interface ReviewableEqia {
  id: number;
  /** Civil date the assessment is to be reviewed; null: no review set. */
  reviewDate: string | null;
  ownerId: number | null;
}

export interface EqiaReviewNudge {
  key: string;
  eqiaId: number;
  /** What the ledger's ActionRef holds for this nudge: the negative EqIA id. */
  ledgerRef: number;
  officerId: number;
  /** "28d" … "0d", "overdue-1", … */
  leadTime: string;
  reviewDate: string;
  daysLeft: number;
}

export function eqiaReviewKey(eqiaId: number, reviewDate: string, leadTime: string, officerId: number): string {
  return `eqia-${eqiaId}:review-${reviewDate}-${leadTime}:${officerId}`;
}

export interface EqiaReviewInput {
  eqias: readonly ReviewableEqia[];
  ledger: readonly Pick<LedgerEntry, "key" | "state">[];
  now: Date;
  /** Who is reminded when an EqIA names no owner: the equalities lead (site user id), or null for nobody. */
  fallbackOfficerId: number | null;
  policy?: ReminderPolicy;
}

/** The review reminders due at `now`, sorted by officer, review date, EqIA. */
export function computeEqiaReviewNudges(input: EqiaReviewInput): EqiaReviewNudge[] {
  return sendingTime(input.now, input.policy ?? DEFAULT_REMINDER_POLICY) ? reviewsDueAt(input) : [];
}

/** The review reminders due at `now` whenever that is (no quiet hours or working days): what a pressed card keeps. */
export function reviewsDueAt(input: EqiaReviewInput): EqiaReviewNudge[] {
  const { now } = input;
  const policy = input.policy ?? DEFAULT_REMINDER_POLICY;
  const holidays = toHolidaySet(policy.bankHolidays);
  const today = londonDate(now);
  const done = finalStates(input.ledger);
  const out: EqiaReviewNudge[] = [];
  for (const e of input.eqias) {
    const officerId = e.ownerId ?? input.fallbackOfficerId;
    if (e.reviewDate === null || officerId === null) continue;
    const m = currentMilestone(e.reviewDate, today, policy, holidays);
    if (!m) continue;
    const key = eqiaReviewKey(e.id, e.reviewDate, m.leadTime, officerId);
    if (done.has(key)) continue;
    out.push({ key, eqiaId: e.id, ledgerRef: -e.id, officerId, leadTime: m.leadTime, reviewDate: e.reviewDate, daysLeft: m.daysLeft });
  }
  return out.sort((a, b) => a.officerId - b.officerId || a.reviewDate.localeCompare(b.reviewDate) || a.eqiaId - b.eqiaId);
}

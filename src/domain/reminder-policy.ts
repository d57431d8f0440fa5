/**
 * The reminder bot's policy: which nudges are due at a given instant. Pure and deterministic: the bot passes in the
 * actions, what the ledger already holds and the clock, and sends what comes back (recording each as it goes).
 *
 * The rules, in the order they are applied:
 *  1. Nothing in quiet hours (London time), and nothing on weekends or bank holidays when `workingDaysOnly`.
 *  2. Never for an action that is complete, or whose disposition is not "open" (closed, or moved on into the new
 *     plan as "ongoing"/"developed"), has no due date, has no owner, or is snoozed (`snoozedUntil` > now).
 *     An open action whose status is "not recorded" IS nudged like any unfinished one: its owner is asked to
 *     record a status, and nothing here or on the card reads the missing status as "on track". (Actions of a
 *     closed plan are history and never reach the policy: the reminder run reads open plans' actions only.)
 *  3. The effective due date E is the due date; for a month-precision action ("March 2019") it is the last working
 *     day of the month, because nobody delivers on a Saturday 31st.
 *  4. Before and on E, each lead time L ("28d" … "0d") is a milestone on the day E − L, moved back to the previous
 *     working day when that is not one (when `workingDaysOnly`). Catch-up rule: only the CURRENT milestone, the
 *     smallest L whose day has arrived, may be sent. Milestones overtaken by a later one are never sent and not
 *     recorded: an action first seen five days before its date gets "7d" once, not "28d", "14d" and "7d" in a burst,
 *     and a bot that was down for a week sends one nudge per action, not the backlog.
 *     Because of the moves two milestones can share a day (due Saturday: "1d" and "0d" both fall on Friday); the
 *     smaller wins. The label identifies the milestone; say how far off the date is with `daysLeft`
 *     (see `describeDaysLeft`), which is always exact.
 *  5. After E, "overdue-k" is a milestone on day E + 1 + (k − 1) × overdueEveryDays (the day after the date, then
 *     every week), moved FORWARD to the next working day (moving it back could nudge before the action is late).
 *     Again only the current k is sent.
 *  6. Key = `${actionId}:${leadTime}:${officerId}`. A key the ledger holds as "sent" (or "skipped": someone decided
 *     not to send it) is never returned again; "pending" and "failed" are returned, so a crash mid-run is retried.
 *     A change of owner gives a new key, so the new owner hears about the current milestone once.
 *  7. Output is sorted: digests by officer id, nudges by due date then action id; `nudges` lists every nudge in
 *     digest order.
 */
import { z } from "zod";
import { ENGLAND_AND_WALES_BANK_HOLIDAY_DATES, toHolidaySet } from "./bank-holidays";
import { addDays, daysBetween, parseIsoDate } from "./dates";
import { londonDate, londonMidnightToInstant, londonTimeOfDay } from "./london-time";
import { type Action, type Due, isoDateSchema, type LedgerEntry } from "./types";
import { isWorkingDay, lastWorkingDayOfMonth, lastWorkingDayOnOrBefore, nextWorkingDayOnOrAfter } from "./working-days";

const hhmmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time as HH:MM (24-hour)");

export const quietHoursSchema = z.object({
  /** London time at which quiet starts ("18:00"). Equal start and end means no quiet hours. */
  start: hhmmSchema,
  /** London time at which quiet ends ("08:00"); may be earlier than start (quiet overnight). */
  end: hhmmSchema,
});
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const reminderPolicySchema = z.object({
  /** Days before the due date at which to nudge. */
  leadTimesDays: z
    .array(z.number().int().min(0).max(365))
    .min(1, "give at least one lead time")
    .refine((xs) => new Set(xs).size === xs.length, "lead times must not repeat")
    .default(() => [28, 14, 7, 1, 0]),
  /** Once overdue, nudge again every this many days. */
  overdueEveryDays: z.number().int().min(1).max(365).default(7),
  quietHours: quietHoursSchema.default(() => ({ start: "18:00", end: "08:00" })),
  /** Send nothing on weekends and bank holidays. */
  workingDaysOnly: z.boolean().default(true),
  /** Dates that are not working days besides weekends. */
  bankHolidays: z.array(isoDateSchema).default(() => [...ENGLAND_AND_WALES_BANK_HOLIDAY_DATES]),
  /** How long "Snooze" on a reminder card silences an action. */
  snoozeDays: z.number().int().min(1).max(90).default(7),
  /** "Due soon" window for lists and digests. */
  dueSoonDays: z.number().int().min(0).max(365).default(30),
});
export type ReminderPolicy = z.output<typeof reminderPolicySchema>;
export type ReminderPolicyInput = z.input<typeof reminderPolicySchema>;

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = reminderPolicySchema.parse({});

export interface Nudge {
  key: string;
  actionId: number;
  officerId: number;
  /** "28d" … "0d", or "overdue-1", "overdue-2", … */
  leadTime: string;
  /** The effective due date (for month precision, the month's last working day). */
  dueDate: string;
  /** Days from today (London) to dueDate; negative once overdue. */
  daysLeft: number;
}

export interface Digest {
  officerId: number;
  nudges: Nudge[];
}

/** What the policy needs to know about an action. */
export type ReminderAction = Pick<Action, "id" | "ownerId" | "due" | "status" | "disposition" | "snoozedUntil">;

export interface NudgeInput {
  actions: readonly ReminderAction[];
  ledger: readonly Pick<LedgerEntry, "key" | "state">[];
  now: Date;
  policy?: ReminderPolicy;
}

export function nudgeKey(actionId: number, leadTime: string, officerId: number): string {
  return `${actionId}:${leadTime}:${officerId}`;
}

export function leadTimeLabel(days: number): string {
  return `${days}d`;
}

export function overdueLabel(k: number): string {
  return `overdue-${k}`;
}

export type ParsedLeadTime = { kind: "before"; days: number } | { kind: "overdue"; k: number };

export function parseLeadTime(label: string): ParsedLeadTime {
  let m = /^(\d{1,3})d$/.exec(label);
  if (m) return { kind: "before", days: Number(m[1]) };
  m = /^overdue-([1-9]\d*)$/.exec(label);
  if (m) return { kind: "overdue", k: Number(m[1]) };
  throw new RangeError(`"${label}" is not a lead time such as "7d" or "overdue-1"`);
}

/** "7d" → "due in 7 days", "1d" → "due tomorrow", "0d" → "due today", "overdue-1" → "overdue". */
export function describeLeadTime(label: string): string {
  const lead = parseLeadTime(label);
  if (lead.kind === "overdue") return lead.k === 1 ? "overdue" : `overdue (reminder ${lead.k})`;
  if (lead.days === 0) return "due today";
  if (lead.days === 1) return "due tomorrow";
  return `due in ${lead.days} days`;
}

/** Exact wording from the day count: prefer this in messages (a moved milestone's label can be approximate). */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft === 0) return "due today";
  if (daysLeft === 1) return "due tomorrow";
  if (daysLeft > 1) return `due in ${daysLeft} days`;
  return daysLeft === -1 ? "1 day overdue" : `${-daysLeft} days overdue`;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Whether `now` falls in quiet hours on London clocks (start inclusive, end exclusive). */
export function isQuietTime(now: Date, quietHours: QuietHours): boolean {
  const t = minutesOf(londonTimeOfDay(now));
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (start === end) return false;
  return start < end ? t >= start && t < end : t >= start || t < end;
}

/** When a reminder really falls due: the date, or for month precision the month's last working day. */
export function effectiveDueDate(due: Due, bankHolidays: readonly string[] | ReadonlySet<string>): string | null {
  if (due.date === null) return null;
  if (due.precision === "day") return due.date;
  const { year, month } = parseIsoDate(due.date);
  return lastWorkingDayOfMonth(year, month, bankHolidays);
}

/** The instant a snooze pressed at `now` ends: 00:00 London time, `snoozeDays` days later. */
export function snoozeUntil(now: Date, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): string {
  return londonMidnightToInstant(addDays(londonDate(now), policy.snoozeDays));
}

/** Reasons an action is never nudged, or null when it may be. */
export function ineligibleReason(action: ReminderAction, now: Date): string | null {
  if (action.status === "complete") return "complete";
  if (action.disposition !== "open") return `disposition ${action.disposition}`;
  if (action.ownerId === null) return "no owner";
  if (action.due.date === null) return "no due date";
  if (isSnoozed(action.snoozedUntil, now)) return "snoozed";
  return null;
}

/** Snoozed while snoozedUntil is after now. A date alone means 00:00 London on that date; an unreadable value
 * is ignored rather than silencing reminders for good. */
function isSnoozed(snoozedUntil: string | null, now: Date): boolean {
  if (snoozedUntil === null || snoozedUntil.trim() === "") return false;
  const s = snoozedUntil.trim();
  const until = /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(londonMidnightToInstant(s)) : Date.parse(s);
  return !Number.isNaN(until) && until > now.getTime();
}

export interface Milestone {
  leadTime: string;
  dueDate: string;
  daysLeft: number;
}

/**
 * The current milestone of an action whose effective due date is `dueDate`, on London date `today`
 * (rules 4 and 5 above), or null when none has arrived yet.
 */
export function currentMilestone(dueDate: string, today: string, policy: ReminderPolicy, holidays: ReadonlySet<string>): Milestone | null {
  const daysLeft = daysBetween(today, dueDate);
  const moveBack = (d: string) => (policy.workingDaysOnly ? lastWorkingDayOnOrBefore(d, holidays) : d);
  const moveForward = (d: string) => (policy.workingDaysOnly ? nextWorkingDayOnOrAfter(d, holidays) : d);

  if (daysLeft >= 0) {
    const leads = [...policy.leadTimesDays].sort((a, b) => a - b); // smallest first: the first reached wins
    for (const lead of leads) {
      if (moveBack(addDays(dueDate, -lead)) <= today) return { leadTime: leadTimeLabel(lead), dueDate, daysLeft };
    }
    return null;
  }

  const every = policy.overdueEveryDays;
  // Largest k whose nominal day E + 1 + (k-1)*every is on or before today; then step back while its moved day is later.
  let k = Math.floor((-daysLeft - 1) / every) + 1;
  while (k >= 1 && moveForward(addDays(dueDate, 1 + (k - 1) * every)) > today) k--;
  return k >= 1 ? { leadTime: overdueLabel(k), dueDate, daysLeft } : null;
}

const compareNudges = (a: Nudge, b: Nudge): number =>
  a.officerId - b.officerId || a.dueDate.localeCompare(b.dueDate) || a.actionId - b.actionId || a.key.localeCompare(b.key);

/** The nudges due at `now` and the same nudges as one digest per officer. See the rules at the top of this file. */
export function computeNudges(input: NudgeInput): { nudges: Nudge[]; digests: Digest[] } {
  const { actions, ledger, now } = input;
  const policy = input.policy ?? DEFAULT_REMINDER_POLICY;
  if (Number.isNaN(now.getTime())) throw new RangeError("now is not a valid instant");
  const none = { nudges: [], digests: [] };

  if (isQuietTime(now, policy.quietHours)) return none;
  const holidays = toHolidaySet(policy.bankHolidays);
  const today = londonDate(now);
  if (policy.workingDaysOnly && !isWorkingDay(today, holidays)) return none;

  // "sent" and "skipped" are final; "pending" and "failed" are retried.
  const done = new Set(ledger.filter((e) => e.state === "sent" || e.state === "skipped").map((e) => e.key));

  const nudges: Nudge[] = [];
  const emitted = new Set<string>();
  for (const action of actions) {
    if (ineligibleReason(action, now) !== null) continue;
    const officerId = action.ownerId as number;
    const dueDate = effectiveDueDate(action.due, holidays) as string;
    const milestone = currentMilestone(dueDate, today, policy, holidays);
    if (milestone === null) continue;
    const key = nudgeKey(action.id, milestone.leadTime, officerId);
    if (done.has(key) || emitted.has(key)) continue; // emitted: an action listed twice is nudged once
    emitted.add(key);
    nudges.push({ key, actionId: action.id, officerId, ...milestone });
  }
  nudges.sort(compareNudges);

  const digests: Digest[] = [];
  for (const nudge of nudges) {
    const last = digests[digests.length - 1];
    if (last && last.officerId === nudge.officerId) last.nudges.push(nudge);
    else digests.push({ officerId: nudge.officerId, nudges: [nudge] });
  }
  return { nudges, digests };
}

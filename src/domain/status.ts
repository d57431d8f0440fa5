/**
 * Where an action stands against the clock. "Overdue" is derived here from the due date and the London calendar
 * and never stored: a stored flag would be wrong by the next morning.
 */
import { daysBetween, parseIsoDate } from "./dates";
import { londonDate } from "./london-time";
import { ACTION_STATUS_LABELS, CHOOSABLE_ACTION_STATUSES } from "./constants";
import type { Action, ActionStatus, ChoosableActionStatus } from "./types";

export type DueBucket = "overdue" | "due-soon" | "later" | "no-date" | "done";
export type EffectiveStatus = ActionStatus | "overdue";

export const DEFAULT_DUE_SOON_DAYS = 30;

export interface DueOptions {
  /** An action due within this many days (inclusive) is "due soon". */
  dueSoonDays?: number;
}

/** The fields of an action that its timing depends on. */
export type TimedAction = Pick<Action, "due" | "status" | "disposition">;

export const STATUS_TEXT: Readonly<Record<EffectiveStatus, string>> = {
  ...ACTION_STATUS_LABELS,
  overdue: "Overdue",
};

/**
 * Finished with: complete, or closed at review. Actions marked "ongoing"/"developed" at review are not done
 * (the work continues, in the new plan); the reminder policy stops nudging them separately.
 */
export function isDone(action: Pick<Action, "status" | "disposition">): boolean {
  return action.status === "complete" || action.disposition === "closed";
}

/** Days from today in London to the due date: 0 on the day, negative once overdue; null when there is no date. */
export function daysUntilDue(action: Pick<Action, "due">, now: Date): number | null {
  if (action.due.date === null) return null;
  return daysBetween(londonDate(now), action.due.date);
}

/**
 * Overdue once the London civil date of `now` is after the due date: an action due 31 March is not overdue at
 * 23:59 London time on the 31st and is at 00:00 on 1 April, whatever UTC says.
 */
export function dueBucket(action: TimedAction, now: Date, opts: DueOptions = {}): DueBucket {
  if (isDone(action)) return "done";
  const days = daysUntilDue(action, now);
  if (days === null) return "no-date";
  if (days < 0) return "overdue";
  return days <= (opts.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS) ? "due-soon" : "later";
}

export function isOverdue(action: TimedAction, now: Date): boolean {
  return dueBucket(action, now) === "overdue";
}

/** Whether the records give the action a status at all ("not recorded" is history that gives none). */
export function isStatusRecorded(status: ActionStatus): boolean {
  return status !== "not-recorded";
}

/**
 * The status a form or card starts from: the action's own when a person could choose it, else null, so that the
 * person chooses one (a missing status is never preselected as "on track" or anything else).
 */
export function initialChoosableStatus(status: ActionStatus): ChoosableActionStatus | null {
  return isChoosableStatus(status) ? status : null;
}

/** Whether a person may record this status (all but "not recorded"). */
export function isChoosableStatus(status: string): status is ChoosableActionStatus {
  return (CHOOSABLE_ACTION_STATUSES as readonly string[]).includes(status);
}

/**
 * The status to show: the stored one, except that an unfinished action past its date shows as "overdue". An action
 * whose status is not recorded shows as such even past its date: "overdue" would claim it was not delivered in
 * time, which is exactly what its records do not say. (It still falls in the "overdue" due group, which is about
 * the date alone, so that whoever owns it is asked for a status.)
 */
export function effectiveStatus(action: TimedAction, now: Date): EffectiveStatus {
  if (!isStatusRecorded(action.status)) return action.status;
  return isOverdue(action, now) ? "overdue" : action.status;
}

/**
 * Whole London days since the last update (0 = today), or null when there has been none.
 * Accepts an instant ("2024-06-01T09:00:00Z") or a civil date ("2024-06-01", taken as that London date).
 */
export function updateAgeDays(lastUpdateAt: string | null, now: Date): number | null {
  if (lastUpdateAt === null || lastUpdateAt.trim() === "") return null;
  const s = lastUpdateAt.trim();
  let day: string;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    parseIsoDate(s);
    day = s;
  } else {
    day = londonDate(s);
  }
  return daysBetween(day, londonDate(now));
}

export type MyActionsBucket = Exclude<DueBucket, "done">;

export interface ActionGroup<T> {
  bucket: MyActionsBucket;
  title: string;
  actions: T[];
}

const GROUP_ORDER: readonly MyActionsBucket[] = ["overdue", "due-soon", "later", "no-date"];

function groupTitle(bucket: MyActionsBucket, dueSoonDays: number): string {
  switch (bucket) {
    case "overdue":
      return "Overdue";
    case "due-soon":
      return `Due within ${dueSoonDays} days`;
    case "later":
      return "Later";
    case "no-date":
      return "No date";
  }
}

type GroupableAction = TimedAction & Pick<Action, "id" | "reference">;

/**
 * "My actions": overdue, due soon, later, no date, in that order; empty groups are left out, and so are done
 * actions (complete or closed). Within a group: by due date, then reference, then id, so the order is stable.
 */
export function groupMyActions<T extends GroupableAction>(actions: readonly T[], now: Date, opts: DueOptions = {}): ActionGroup<T>[] {
  const dueSoonDays = opts.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const byBucket = new Map<MyActionsBucket, T[]>();
  for (const action of actions) {
    const bucket = dueBucket(action, now, { dueSoonDays });
    if (bucket === "done") continue;
    const list = byBucket.get(bucket) ?? [];
    list.push(action);
    byBucket.set(bucket, list);
  }
  const compare = (a: T, b: T): number =>
    (a.due.date ?? "").localeCompare(b.due.date ?? "") ||
    a.reference.localeCompare(b.reference, "en", { numeric: true }) ||
    a.id - b.id;
  return GROUP_ORDER.filter((bucket) => byBucket.has(bucket)).map((bucket) => ({
    bucket,
    title: groupTitle(bucket, dueSoonDays),
    actions: (byBucket.get(bucket) ?? []).sort(compare),
  }));
}

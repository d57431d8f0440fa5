/**
 * The dashboard's figures, aggregated from a plan's actions: pure, so 30,000 actions are counted in memory after
 * the data layer read them with paged, indexed queries, and the same numbers feed both each chart and the data
 * table beside it (the table is the accessible form of the chart, so they must never disagree).
 */
import { daysBetween, MONTH_NAMES, parseIsoDate, toIsoDate } from "./dates.ts";
import { londonDate } from "./london-time.ts";
import { isDone, isStatusRecorded } from "./status.ts";
import type { Action, Objective, Role } from "./types.ts";

/**
 * What a chart shows: one status per action, finished ones together. "Not recorded" is counted apart from every
 * other status (and from "overdue"): the records give no status, so it must not swell or shrink any of them.
 */
export type DashboardStatus = "overdue" | "at-risk" | "on-track" | "not-started" | "not-recorded" | "done";
export const DASHBOARD_STATUSES: readonly DashboardStatus[] = ["overdue", "at-risk", "on-track", "not-started", "not-recorded", "done"];
export const DASHBOARD_STATUS_LABELS: Record<DashboardStatus, string> = {
  overdue: "Overdue",
  "at-risk": "At risk",
  "on-track": "On track",
  "not-started": "Not started",
  "not-recorded": "Not recorded",
  done: "Complete or closed",
};

export type FreshnessBucket = "0-30" | "31-90" | "91-180" | "181+" | "never";
export const FRESHNESS_BUCKETS: readonly FreshnessBucket[] = ["0-30", "31-90", "91-180", "181+", "never"];
export const FRESHNESS_LABELS: Record<FreshnessBucket, string> = {
  "0-30": "0–30 days",
  "31-90": "31–90 days",
  "91-180": "91–180 days",
  "181+": "Over 180 days",
  never: "No update yet",
};

export interface StatusByRoleRow {
  roleId: number;
  role: string;
  counts: Record<DashboardStatus, number>;
  total: number;
}

export interface DueMonth {
  /** "2026-11", or "before" (overdue from earlier months) / "later" (beyond the window). */
  key: string;
  label: string;
  count: number;
}

export interface FreshnessRow {
  bucket: FreshnessBucket;
  label: string;
  count: number;
}

export interface ObjectiveCompletion {
  objectiveId: number;
  role: string;
  /** "Objective 1.2", short enough for an axis; `statement` holds the full text for the table. */
  label: string;
  statement: string;
  total: number;
  done: number;
  /** Whole per cent, 0 when the objective has no actions. */
  percent: number;
}

export interface DashboardModel {
  total: number;
  statusByRole: StatusByRoleRow[];
  dueByMonth: DueMonth[];
  freshness: FreshnessRow[];
  completionByObjective: ObjectiveCompletion[];
}

export type DashboardAction = Pick<Action, "id" | "objectiveId" | "due" | "status" | "disposition" | "lastUpdateAt">;

/**
 * The London civil date of an instant, memoised per UTC hour: UK offsets are whole hours and change on the hour,
 * so every instant in one UTC hour has the same London date. At 30,000 actions this turns 30,000 Intl calls
 * (about a second) into a few hundred.
 */
function londonDayCache(): (instant: string) => string {
  const cache = new Map<number, string>();
  return (instant) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(instant)) return instant; // a civil date already
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) return londonDate(instant); // throws the usual RangeError
    const hour = Math.floor(ms / 3_600_000);
    let day = cache.get(hour);
    if (day === undefined) {
      day = londonDate(new Date(hour * 3_600_000));
      cache.set(hour, day);
    }
    return day;
  };
}

/** As status.ts effectiveStatus, with London "today" computed once by the caller. */
function statusOn(a: DashboardAction, today: string): DashboardStatus {
  if (isDone(a)) return "done";
  if (!isStatusRecorded(a.status)) return "not-recorded";
  if (a.due.date !== null && a.due.date < today) return "overdue";
  return a.status === "complete" ? "done" : a.status;
}

function freshnessOn(lastUpdateAt: string | null, today: string, dayOf: (instant: string) => string): FreshnessBucket {
  if (lastUpdateAt === null || lastUpdateAt.trim() === "") return "never";
  const days = daysBetween(dayOf(lastUpdateAt.trim()), today);
  if (days <= 30) return "0-30";
  if (days <= 90) return "31-90";
  if (days <= 180) return "91-180";
  return "181+";
}

export function dashboardStatus(a: DashboardAction, now: Date): DashboardStatus {
  return statusOn(a, londonDate(now));
}

export function freshnessBucket(lastUpdateAt: string | null, now: Date): FreshnessBucket {
  return freshnessOn(lastUpdateAt, londonDate(now), londonDayCache());
}

const zeroCounts = (): Record<DashboardStatus, number> => ({ overdue: 0, "at-risk": 0, "on-track": 0, "not-started": 0, "not-recorded": 0, done: 0 });
const byOrder = <T extends { order: number; id: number }>(a: T, b: T) => a.order - b.order || a.id - b.id;

function monthKey(isoDate: string): string {
  return isoDate.slice(0, 7);
}

function monthLabel(key: string): string {
  const { year, month } = parseIsoDate(`${key}-01`);
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

function addMonths(key: string, n: number): string {
  const { year, month } = parseIsoDate(`${key}-01`);
  const m = year * 12 + (month - 1) + n;
  return toIsoDate(Math.floor(m / 12), (m % 12) + 1, 1).slice(0, 7);
}

export interface DashboardOptions {
  /** How many months "actions due per month" shows, from the current month. */
  months?: number;
}

/**
 * One pass over the actions. Unfinished actions only count towards "due per month" and "freshness" (finished work
 * is not due and needs no update); every action counts towards status and completion.
 */
export function buildDashboardModel(
  roles: readonly Role[],
  objectives: readonly Objective[],
  actions: readonly DashboardAction[],
  now: Date,
  opts: DashboardOptions = {},
): DashboardModel {
  const months = opts.months ?? 12;
  const today = londonDate(now);
  const dayOf = londonDayCache();
  const thisMonth = monthKey(today);
  const lastMonth = addMonths(thisMonth, months - 1);
  const sortedRoles = [...roles].sort(byOrder);
  const objectiveById = new Map(objectives.map((o) => [o.id, o]));
  const roleRows = new Map<number, StatusByRoleRow>(
    sortedRoles.map((r) => [r.id, { roleId: r.id, role: r.name, counts: zeroCounts(), total: 0 }]),
  );
  const completion = new Map<number, { total: number; done: number }>();
  const due = new Map<string, number>();
  let before = 0;
  let later = 0;
  const fresh: Record<FreshnessBucket, number> = { "0-30": 0, "31-90": 0, "91-180": 0, "181+": 0, never: 0 };

  for (const a of actions) {
    const s = statusOn(a, today);
    const objective = objectiveById.get(a.objectiveId);
    const row = objective ? roleRows.get(objective.roleId) : undefined;
    if (row) {
      row.counts[s]++;
      row.total++;
    }
    const c = completion.get(a.objectiveId) ?? { total: 0, done: 0 };
    c.total++;
    if (s === "done") c.done++;
    completion.set(a.objectiveId, c);
    if (s === "done") continue;
    fresh[freshnessOn(a.lastUpdateAt, today, dayOf)]++;
    if (a.due.date !== null) {
      const k = monthKey(a.due.date);
      if (k < thisMonth) before++;
      else if (k > lastMonth) later++;
      else due.set(k, (due.get(k) ?? 0) + 1);
    }
  }

  const dueByMonth: DueMonth[] = [{ key: "before", label: `Before ${monthLabel(thisMonth)}`, count: before }];
  for (let i = 0; i < months; i++) {
    const k = addMonths(thisMonth, i);
    dueByMonth.push({ key: k, label: monthLabel(k), count: due.get(k) ?? 0 });
  }
  dueByMonth.push({ key: "later", label: `After ${monthLabel(lastMonth)}`, count: later });

  const completionByObjective: ObjectiveCompletion[] = [];
  sortedRoles.forEach((r, ri) => {
    objectives
      .filter((o) => o.roleId === r.id)
      .sort(byOrder)
      .forEach((o, oi) => {
        const c = completion.get(o.id) ?? { total: 0, done: 0 };
        // An objective with no action has nothing to complete (rollover keeps old objectives for the record).
        if (c.total === 0) return;
        completionByObjective.push({
          objectiveId: o.id,
          role: r.name,
          label: `Objective ${ri + 1}.${oi + 1}`,
          statement: o.statement,
          total: c.total,
          done: c.done,
          percent: c.total === 0 ? 0 : Math.round((c.done / c.total) * 100),
        });
      });
  });

  return {
    total: actions.length,
    statusByRole: [...roleRows.values()],
    dueByMonth,
    freshness: FRESHNESS_BUCKETS.map((b) => ({ bucket: b, label: FRESHNESS_LABELS[b], count: fresh[b] })),
    completionByObjective,
  };
}

/**
 * The annual committee report ("Appendix 1 – Updates on actions from 2022-23", seed 004) as data: pure, so the CLI
 * and the tab build the same document from the same model, and tests can check the model apart from Word.
 *
 * Input: the plan's structure, its actions and its updates. Output: a summary of counts per role FIRST (what a
 * committee reads first), then role → objective (with its commitments) → action, each action with the text of its
 * progress updates in the period and its disposition sentence. Order is the plan's order: role SortOrder, objective
 * SortOrder, action SortOrder (never the order the lists happened to return items in).
 *
 * Each update carries its source (the body that reported it) and its date in words, saying when the date is only
 * the period's end, so a report rebuilt from committee papers never passes off an assumed day as the real one.
 *
 * Committee papers are public, so the report uses approved text only (publication.ts): withheld updates stay out,
 * and updates still awaiting the equalities lead stop the report (or, when asked, are left out and listed).
 *
 * A little over 300 lines on purpose: the model's shape (what every renderer — Word, the tab, the public page —
 * relies on) and the one function that builds it are read together; the indicator rows, publication rules and
 * dates it uses live in their own modules.
 */
import { financialYearRange, parseFinancialYear } from "./dates.ts";
import { londonDate } from "./london-time.ts";
import { type AwaitingUpdate, awaitingLines, describeAwaiting, publicationCounts, publishedText } from "./publication.ts";
import { indicatorRows, type ReportIndicator, type ReportIndicatorRow, type ReportValue } from "./report-indicators.ts";
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  type Action,
  type ActionStatus,
  type ActionUpdate,
  type Commitment,
  DISPOSITION_SENTENCES,
  type Disposition,
  type Objective,
  type Plan,
  type Role,
  type UpdateDatePrecision,
} from "./types.ts";
import { describeUpdateDate, describeUpdateSource } from "./update-source.ts";

export type ReportErrorReason = "invalid-period" | "no-updates" | "awaiting-approval";

export class ReportError extends Error {
  readonly reason: ReportErrorReason;
  /** For "awaiting-approval": the updates that stopped the report. */
  readonly awaiting: AwaitingUpdate[];
  constructor(reason: ReportErrorReason, message: string, awaiting: AwaitingUpdate[] = []) {
    super(message);
    this.name = "ReportError";
    this.reason = reason;
    this.awaiting = awaiting;
  }
}

/** What a report does with updates still awaiting approval: stop and list them, or leave them out and list them. */
export type AwaitingPolicy = "refuse" | "leave-out";

/** Structurally the same as src/data's PlanStructure; declared here because the domain imports nothing of ours. */
export interface ReportStructure {
  plan: Plan;
  roles: Role[];
  objectives: Objective[];
  commitments: Commitment[];
}

export interface ReportInput {
  structure: ReportStructure;
  actions: readonly Action[];
  updates: readonly ActionUpdate[];
  /** Financial year, "2022-23" (also accepts "2022/23", "2022-2023"). */
  period: string;
  /** Default "refuse": a report for publication is not made while updates of its period await approval. */
  awaiting?: AwaitingPolicy;
  /** The plan's indicators and their values (every revision; report-indicators.ts judges them at the year's end). */
  indicators?: readonly ReportIndicator[];
  values?: readonly ReportValue[];
}

/** Dispositions as the summary table counts them ("open" = still running in this plan). */
export const DISPOSITION_LABELS: Record<Disposition, string> = {
  open: "Open",
  closed: "Closed",
  ongoing: "Ongoing in the new plan",
  developed: "Developed in the new plan",
};

export interface SummaryRow {
  /** Role name, or "All roles" for the total row. */
  label: string;
  total: number;
  byStatus: Record<ActionStatus, number>;
  byDisposition: Record<Disposition, number>;
}

export interface ReportUpdate {
  text: string;
  /** London civil date, YYYY-MM-DD. */
  date: string;
  datePrecision: UpdateDatePrecision;
  /** "20 October 2021", or "31 March 2023 (end of 2022-23; the source gives no day)". */
  dateText: string;
  /** The body that reported it, "" for updates written in the product. */
  source: string;
  /** "Reported by …", or null when there is no source. */
  sourceText: string | null;
}

export interface ReportAction {
  id: number;
  reference: string;
  text: string;
  /** The responsible teams and job roles as the plan writes them (never a person's name from a person column). */
  teams: string;
  /** The statement of the commitment the action serves, if it sits under one. */
  commitment: string | null;
  status: ActionStatus;
  statusLabel: string;
  disposition: Disposition;
  /** "This action is now closed" and friends; null while the action is still open in this plan. */
  dispositionSentence: string | null;
  /** The period's progress updates, oldest first (an update's text may hold several paragraphs). */
  updates: ReportUpdate[];
}

export interface ReportObjective {
  id: number;
  statement: string;
  /**
   * The objective's commitments, in plan order, as an appendix lists them beside its actions. Actions may sit under
   * one of them or directly under the objective (a document that lists commitments and actions side by side
   * without pairing them).
   */
  commitments: string[];
  actions: ReportAction[];
  /**
   * The indicators of the objective's actions (all of them, reported on this year or not), each judged at the end
   * of the year. An objective whose actions have no update this year is in the report when one of its indicators
   * has a value for a period of that year.
   */
  indicators: ReportIndicatorRow[];
}

export interface ReportRole {
  id: number;
  name: string;
  /** "As a Community Leader", as the seeds head each section. */
  heading: string;
  objectives: ReportObjective[];
}

export interface ReportModel {
  /** "Appendix 1 – Updates on actions from 2022-23" */
  title: string;
  planTitle: string;
  /** Normalised financial year, "2022-23". */
  period: string;
  summary: SummaryRow[];
  roles: ReportRole[];
  actionCount: number;
  /** Updates of the period left out because they await approval (only with awaiting: "leave-out"). */
  leftOut: AwaitingUpdate[];
}

/** "Community Leader" → "As a Community Leader"; "Employer" → "As an Employer". */
export function roleHeading(name: string): string {
  const n = name.trim();
  if (/^as\s/i.test(n)) return n;
  return `As ${/^[aeiou]/i.test(n) ? "an" : "a"} ${n}`;
}

/** Normalises a financial year label or throws ReportError("invalid-period"). */
export function normalisePeriod(label: string): string {
  const parsed = parseFinancialYear(label);
  if (!parsed.ok) throw new ReportError("invalid-period", parsed.error);
  return `${parsed.startYear}-${String((parsed.startYear + 1) % 100).padStart(2, "0")}`;
}

const zeroStatus = (): Record<ActionStatus, number> => Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
const zeroDisposition = (): Record<Disposition, number> => ({ open: 0, closed: 0, ongoing: 0, developed: 0 });

export function dispositionSentence(d: Disposition): string | null {
  return d === "open" ? null : DISPOSITION_SENTENCES[d];
}

const byOrder = <T extends { order: number; id: number }>(a: T, b: T) => a.order - b.order || a.id - b.id;

const civilDate = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? d : londonDate(d));

/** Only approved updates reach here: their text is the approved text. */
function toReportUpdate(u: ActionUpdate): ReportUpdate {
  const date = civilDate(u.date);
  const datePrecision = u.datePrecision ?? "exact";
  const source = u.source?.trim() ?? "";
  return {
    text: publishedText(u) ?? "",
    date,
    datePrecision,
    dateText: describeUpdateDate(date, datePrecision, u.period),
    source,
    sourceText: describeUpdateSource(source),
  };
}

/**
 * Builds the report. Actions appear when they have at least one approved progress update in the period (as the
 * seeds' appendix lists only the actions reported on); roles and objectives without such actions are left out,
 * unless an objective's indicators have a value for a period of that year (its indicator table is then its report).
 * Throws ReportError("awaiting-approval") while updates of the period await the lead (unless asked to leave them
 * out), and ReportError("no-updates") when nothing is left to report, so nobody circulates an empty report.
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const period = normalisePeriod(input.period);
  const { start: yearStart, end: yearEnd } = financialYearRange(period);
  const { structure } = input;
  const planId = structure.plan.id;
  const ours = input.updates.filter((u) => u.planId === planId);

  const leftOut = describeAwaiting(ours, input.actions, period);
  if (leftOut.length > 0 && (input.awaiting ?? "refuse") === "refuse") {
    throw new ReportError(
      "awaiting-approval",
      `${leftOut.length} progress update(s) for ${period} on the plan "${structure.plan.title}" await approval by the equalities lead:\n${awaitingLines(leftOut).join("\n")}`,
      leftOut,
    );
  }

  const updatesByAction = new Map<number, ActionUpdate[]>();
  for (const u of ours) {
    if (u.period !== period || publishedText(u) === null) continue;
    const list = updatesByAction.get(u.actionId) ?? [];
    list.push(u);
    updatesByAction.set(u.actionId, list);
  }
  if (updatesByAction.size === 0) {
    const counts = publicationCounts(ours, period);
    if (counts.draft + counts.withheld === 0) {
      throw new ReportError("no-updates", `No progress updates for ${period} on the plan "${structure.plan.title}".`);
    }
    throw new ReportError(
      "no-updates",
      `No approved progress updates for ${period} on the plan "${structure.plan.title}" (${counts.draft} awaiting approval, ${counts.withheld} withheld).`,
    );
  }

  const commitmentById = new Map(structure.commitments.map((c) => [c.id, c]));
  const actionsByObjective = new Map<number, Action[]>();
  for (const a of input.actions) {
    if (a.planId !== planId || !updatesByAction.has(a.id)) continue;
    const list = actionsByObjective.get(a.objectiveId) ?? [];
    list.push(a);
    actionsByObjective.set(a.objectiveId, list);
  }

  const toReportAction = (a: Action): ReportAction => ({
    id: a.id,
    reference: a.reference,
    text: a.text,
    teams: a.teams,
    commitment: a.commitmentId === null ? null : (commitmentById.get(a.commitmentId)?.statement ?? null),
    status: a.status,
    statusLabel: ACTION_STATUS_LABELS[a.status],
    disposition: a.disposition,
    dispositionSentence: dispositionSentence(a.disposition),
    updates: (updatesByAction.get(a.id) ?? [])
      .slice()
      .sort((x, y) => x.date.localeCompare(y.date) || x.id - y.id)
      .map(toReportUpdate),
  });

  const roles: ReportRole[] = [];
  const summary: SummaryRow[] = [];
  const total: SummaryRow = { label: "All roles", total: 0, byStatus: zeroStatus(), byDisposition: zeroDisposition() };
  let actionCount = 0;

  for (const role of [...structure.roles].sort(byOrder)) {
    const objectives: ReportObjective[] = [];
    for (const o of structure.objectives.filter((x) => x.roleId === role.id).sort(byOrder)) {
      const actions = (actionsByObjective.get(o.id) ?? []).sort(byOrder).map(toReportAction);
      const indicators = indicatorRows(
        input.actions.filter((a) => a.planId === planId && a.objectiveId === o.id).sort(byOrder),
        input.indicators ?? [],
        input.values ?? [],
        yearEnd,
      );
      // Without actions reported on, an objective is in the year's report when one of its indicators moved that year.
      if (actions.length === 0 && !indicators.some((r) => r.latestPeriodEnd !== null && r.latestPeriodEnd >= yearStart)) continue;
      const commitments = structure.commitments
        .filter((c) => c.objectiveId === o.id)
        .sort(byOrder)
        .map((c) => c.statement);
      objectives.push({ id: o.id, statement: o.statement, commitments, actions, indicators });
    }
    if (objectives.length === 0) continue;
    const row: SummaryRow = { label: role.name, total: 0, byStatus: zeroStatus(), byDisposition: zeroDisposition() };
    for (const a of objectives.flatMap((o) => o.actions)) {
      for (const r of [row, total]) {
        r.total++;
        r.byStatus[a.status]++;
        r.byDisposition[a.disposition]++;
      }
    }
    actionCount += row.total;
    summary.push(row);
    roles.push({ id: role.id, name: role.name, heading: roleHeading(role.name), objectives });
  }
  summary.push(total);

  return {
    title: `Appendix 1 – Updates on actions from ${period}`,
    planTitle: structure.plan.title,
    period,
    summary,
    roles,
    actionCount,
    leftOut,
  };
}

/** Column order of the summary table, shared by every renderer. */
export const SUMMARY_STATUS_COLUMNS: readonly ActionStatus[] = ACTION_STATUSES;
export const SUMMARY_DISPOSITION_COLUMNS: readonly Disposition[] = ["open", "closed", "ongoing", "developed"];

/**
 * The public progress page as data: what a council publishes on its website to show how it meets the Public Sector
 * Equality Duty (equality information at least annually, objectives at least every four years). It is the
 * committee report's model (report-model.ts: approved text only) seen by the public:
 *  - the plan's objectives by role, each action reported on with its approved progress and its outcome;
 *  - a summary by role (only the columns that count something, so a narrow screen is not filled with zeros);
 *  - indicators with their data tables, when there are any (the page takes them as given: see PublicIndicator);
 *  - the date of publication.
 * No personal names: actions show their teams and job roles as the plan writes them, never a person column, and
 * personalNames() finds any officer's name in the words before anything is published.
 */
import { financialYearRange, formatLongDate, parseFinancialYear } from "./dates.ts";
import { DISPOSITION_LABELS, type ReportModel, SUMMARY_DISPOSITION_COLUMNS, SUMMARY_STATUS_COLUMNS } from "./report-model.ts";
import { ACTION_STATUS_LABELS } from "./types.ts";

/**
 * An indicator with its data, ready to publish: the hook for the plan's indicators (measures with yearly figures).
 * The page renders each as a heading, its description and a table (`columns[0]` heads the row labels).
 */
export interface PublicIndicator {
  title: string;
  description: string;
  columns: string[];
  rows: Array<{ label: string; values: string[] }>;
  /** Where the figures come from ("Annual workforce profile"); "" when not stated. */
  source: string;
}

export interface PublicProgress {
  text: string;
  /** "Reported by …, 31 March 2023 (end of 2022-23; the source gives no day)." */
  attribution: string;
}

export interface PublicAction {
  /** Stable within the page: the SharePoint item id (for anchors). */
  id: number;
  reference: string;
  text: string;
  /** Teams and job roles as the plan writes them; "" when none. */
  responsible: string;
  progress: PublicProgress[];
  /** "This action is now closed." or "Status: On track." */
  outcome: string;
}

export interface PublicObjective {
  statement: string;
  commitments: string[];
  actions: PublicAction[];
}

export interface PublicRole {
  heading: string;
  objectives: PublicObjective[];
}

export interface PublicSummary {
  columns: string[];
  /** One row per role and a last row for all roles; values in the order of `columns` after the first two. */
  rows: Array<{ label: string; actions: number; values: number[] }>;
}

export interface PublicPage {
  planTitle: string;
  period: string;
  /** "1 April 2022 to 31 March 2023" */
  periodText: string;
  /** YYYY-MM-DD, and in words. */
  publishedOn: string;
  publishedOnText: string;
  actionCount: number;
  summary: PublicSummary;
  roles: PublicRole[];
  indicators: PublicIndicator[];
}

function summaryOf(report: ReportModel): PublicSummary {
  const total = report.summary.at(-1);
  const statusCols = SUMMARY_STATUS_COLUMNS.filter((s) => (total?.byStatus[s] ?? 0) > 0);
  const dispositionCols = SUMMARY_DISPOSITION_COLUMNS.filter((d) => (total?.byDisposition[d] ?? 0) > 0);
  return {
    columns: ["Role", "Actions", ...statusCols.map((s) => ACTION_STATUS_LABELS[s]), ...dispositionCols.map((d) => DISPOSITION_LABELS[d])],
    rows: report.summary.map((r) => ({
      label: r.label,
      actions: r.total,
      values: [...statusCols.map((s) => r.byStatus[s]), ...dispositionCols.map((d) => r.byDisposition[d])],
    })),
  };
}

/** The page for a report model (approved text only) published on `publishedOn` (a London civil date). */
const INDICATOR_COLUMNS = ["Measure", "Baseline", "Target", "Latest", "Trend", "Against target"];

/**
 * The year's indicators as the public reads them, from the report's indicator tables (judged at the year's end):
 * one table per indicator, the whole first and a row per breakdown group with a value. Only indicators measured in
 * the year: the page publishes the year's figures (an older figure stays on the page of its own year), and the
 * committee report already says what is not measured.
 */
export function publicIndicatorsOf(report: ReportModel): PublicIndicator[] {
  const { start } = financialYearRange(report.period);
  const out: PublicIndicator[] = [];
  for (const ob of report.roles.flatMap((r) => r.objectives)) {
    for (const head of ob.indicators.filter((r) => r.group === "" && r.latestPeriodEnd !== null && r.latestPeriodEnd >= start)) {
      const groups = ob.indicators.filter((r) => r.indicatorId === head.indicatorId && r.group !== "");
      out.push({
        title: head.name,
        description: `Action ${head.actionReference}, objective: ${ob.statement}`,
        columns: INDICATOR_COLUMNS,
        rows: [
          { label: head.name, values: [head.baseline || "None set", head.target || "None set", head.latest, head.trend, head.statusLabel] },
          ...groups.map((g) => ({ label: g.name, values: [g.baseline, g.target, g.latest, g.trend, g.statusLabel] })),
        ],
        source: "",
      });
    }
  }
  return out;
}

export function buildPublicPage(report: ReportModel, o: { publishedOn: string; indicators?: PublicIndicator[] }): PublicPage {
  const fy = parseFinancialYear(report.period);
  const start = fy.ok ? fy.startYear : Number(report.period.slice(0, 4));
  return {
    planTitle: report.planTitle,
    period: report.period,
    periodText: `1 April ${start} to 31 March ${start + 1}`,
    publishedOn: o.publishedOn,
    publishedOnText: formatLongDate(o.publishedOn),
    actionCount: report.actionCount,
    summary: summaryOf(report),
    roles: report.roles.map((r) => ({
      heading: r.heading,
      objectives: r.objectives.map((ob) => ({
        statement: ob.statement,
        commitments: ob.commitments,
        actions: ob.actions.map((a) => ({
          id: a.id,
          reference: a.reference,
          text: a.text,
          responsible: a.teams.trim(),
          progress: a.updates.map((u) => ({ text: u.text, attribution: `${[u.sourceText, u.dateText].filter(Boolean).join(", ")}.` })),
          outcome: a.dispositionSentence ? `${a.dispositionSentence}.` : `Status: ${a.statusLabel}.`,
        })),
      })),
    })),
    indicators: o.indicators ?? [],
  };
}

/** Every text the page shows, with where it is ("CL-22-1, progress 1"), for checks such as personalNames. */
export function pageTexts(page: PublicPage): Array<{ place: string; text: string }> {
  const out: Array<{ place: string; text: string }> = [{ place: "the plan's title", text: page.planTitle }];
  for (const r of page.roles) {
    for (const ob of r.objectives) {
      out.push({ place: `objective "${ob.statement.slice(0, 40)}"`, text: ob.statement });
      for (const c of ob.commitments) out.push({ place: `a commitment of objective "${ob.statement.slice(0, 40)}"`, text: c });
      for (const a of ob.actions) {
        const name = a.reference || `action "${a.text.slice(0, 40)}"`;
        out.push({ place: `${name}, action`, text: a.text }, { place: `${name}, responsible`, text: a.responsible });
        for (const [i, p] of a.progress.entries()) out.push({ place: `${name}, progress ${i + 1}`, text: p.text }, { place: `${name}, progress ${i + 1}`, text: p.attribution });
      }
    }
  }
  for (const ind of page.indicators) {
    out.push({ place: `indicator "${ind.title}"`, text: [ind.title, ind.description, ind.source, ...ind.columns, ...ind.rows.flatMap((r) => [r.label, ...r.values])].join("\n") });
  }
  return out;
}

const words = (s: string) => s.toLowerCase().normalize("NFC").split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);

/**
 * Officers' names found in the page's words: `people` are the people the plan names (owners, officers, authors).
 * A display name of one word ("Reception") cannot be told from an ordinary word and is not looked for.
 */
export function personalNames(page: PublicPage, people: ReadonlyArray<{ name: string }>): Array<{ name: string; place: string }> {
  const names = [...new Map(people.map((p) => [p.name.trim().toLowerCase(), p.name.trim()])).values()].filter((n) => words(n).length >= 2);
  const found: Array<{ name: string; place: string }> = [];
  for (const t of pageTexts(page)) {
    const haystack = ` ${words(t.text).join(" ")} `;
    for (const name of names) if (haystack.includes(` ${words(name).join(" ")} `)) found.push({ name, place: t.place });
  }
  return found;
}

export class PublicPageError extends Error {
  readonly reason = "personal-names" as const;
  readonly found: Array<{ name: string; place: string }>;
  constructor(found: Array<{ name: string; place: string }>) {
    super(
      `The page would publish officers' names (teams and job roles only): ${found.map((f) => `${f.name} in ${f.place}`).join("; ")}. The equalities lead edits the approved text (or the plan's wording) first.`,
    );
    this.name = "PublicPageError";
    this.found = found;
  }
}

/** The page, refused (PublicPageError) if it names any of `people`. */
export function checkedPublicPage(page: PublicPage, people: ReadonlyArray<{ name: string }>): PublicPage {
  const found = personalNames(page, people);
  if (found.length) throw new PublicPageError(found);
  return page;
}

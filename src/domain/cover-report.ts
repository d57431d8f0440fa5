/**
 * The covering report that takes the annual progress update to committee: what an English council's committee
 * report template holds (seed 000, "Equalities Objectives and Action Plan – Update", is one). The appendix of
 * progress on each action is the report model (report-model.ts); this is the paper around it.
 *
 * People appear by ROLE only ("Head of Policy, Communications and Governance"), never by name: the product stores
 * who holds a role elsewhere (SharePoint), and committee papers outlive the people in post.
 *
 * Text conventions, as elsewhere in the plan: a paragraph is one string; a bulleted list inside a paragraph is
 * written as lines starting "• " after the lead-in line ("The four Strategic Plan objectives are:\n• …").
 * Validated with zod because it crosses a boundary (stored in SharePoint, rendered to Word).
 */
import { z } from "zod";
import type { ReportModel } from "./report-model.ts";
import { isoDateSchema } from "./types.ts";

const line = z.string().trim().min(1).max(255);
const paragraph = z.string().trim().min(1);

/** A numbered paragraph of the report's body ("2.10"); `number` is "" where the report does not number it. */
export const coverParagraphSchema = z.object({
  number: z.string().max(16),
  text: paragraph,
});

/** A numbered section of the body: "2. Introduction and background", with its paragraphs in order. */
export const coverSectionSchema = z.object({
  number: z.string().max(8),
  heading: line,
  paragraphs: z.array(coverParagraphSchema),
});

export const coverReportSchema = z.object({
  /** "Equalities Objectives and Action Plan – Update" */
  title: line,
  /** The financial year whose progress the report takes to committee, "2020-21". */
  period: z.string().regex(/^\d{4}-\d{2}$/, "expected a financial year such as 2020-21"),
  /** The committee (or person) that takes the decision: "Policy and Resources Committee". */
  finalDecisionMaker: line,
  /**
   * Who leads the report, by role: what the template calls the role ("Lead Head of Service", "Lead Officer and
   * Report Author") and the post or team that holds it ("Head of Policy, Communications and Governance").
   */
  leadRoles: z.array(z.object({ role: line, holder: line })).min(1),
  /** "Public", or the exempt category. */
  classification: line,
  /** "All", or the wards by name. */
  wardsAffected: line,
  executiveSummary: z.array(paragraph).min(1),
  /** What the committee is asked to do with the report: "This report is for discussion and noting." */
  decisionSought: z.string(),
  purpose: z.array(paragraph).min(1),
  /** The recommendations, in their order (the template numbers them 1, 2, …). */
  recommendations: z.array(paragraph).min(1),
  /** The meetings the report goes to, in order. */
  timetable: z.array(z.object({ meeting: line, date: isoDateSchema })).min(1),
  /**
   * The cross-cutting issues and implications table: one row per issue, with its implications and the ROLE that
   * signs it off ("Section 151 Officer & Finance Team").
   */
  crossCuttingImplications: z.array(z.object({ issue: line, implications: z.array(paragraph).min(1), signOff: line })),
  /** The council's Strategic Plan objectives the report names, by name (never "All"). */
  strategicPlanObjectives: z.array(line),
  /** The Strategic Plan's cross-cutting objectives the report names, by name. */
  crossCuttingObjectives: z.array(line),
  /** The numbered body sections that are prose: introduction and background, looking forward, … */
  sections: z.array(coverSectionSchema),
  /** Available options, in order; exactly one is the recommended (preferred) one. */
  options: z
    .array(z.object({ number: z.string().max(16), text: paragraph, recommended: z.boolean() }))
    .refine((xs) => xs.filter((o) => o.recommended).length === 1, "exactly one option is the recommended one"),
  /** "Preferred option and reasons for recommendations", as written. */
  preferredOptionReasons: z.array(coverParagraphSchema),
  risks: z.array(coverParagraphSchema),
  consultation: z.array(coverParagraphSchema),
  nextSteps: z.array(coverParagraphSchema),
  /** The appendices by title: "Appendix 1: Progress Update on the actions …". */
  appendices: z.array(line),
});
export type CoverReport = z.infer<typeof coverReportSchema>;
export type CoverReportInput = z.input<typeof coverReportSchema>;
export type CoverParagraph = z.infer<typeof coverParagraphSchema>;

/**
 * Figures the report fills in from the data, so the lead's words never carry a count typed by hand: write
 * "Of the {{actions}} actions reported on in {{period}}, {{closed}} are now closed." and the report says
 * "Of the 17 actions reported on in 2022-23, 7 are now closed." The counts are those of the appendix (the actions
 * with approved progress in the period), the same numbers as its summary table.
 */
export const COVER_FIGURES = [
  "period",
  "actions",
  "not-started",
  "on-track",
  "at-risk",
  "complete",
  "not-recorded",
  "open",
  "closed",
  "ongoing",
  "developed",
] as const;
export type CoverFigure = (typeof COVER_FIGURES)[number];
export type CoverFigures = Record<CoverFigure, string>;

const FIGURE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The appendix's figures, from its summary's total row. */
export function coverFiguresFrom(report: Pick<ReportModel, "period" | "summary">): CoverFigures {
  const total = report.summary.at(-1);
  const n = (x: number | undefined) => String(x ?? 0);
  return {
    period: report.period,
    actions: n(total?.total),
    "not-started": n(total?.byStatus["not-started"]),
    "on-track": n(total?.byStatus["on-track"]),
    "at-risk": n(total?.byStatus["at-risk"]),
    complete: n(total?.byStatus.complete),
    "not-recorded": n(total?.byStatus["not-recorded"]),
    open: n(total?.byDisposition.open),
    closed: n(total?.byDisposition.closed),
    ongoing: n(total?.byDisposition.ongoing),
    developed: n(total?.byDisposition.developed),
  };
}

/** Every text of the report that a person wrote, with where it is ("Recommendation 1"). */
function coverTexts(c: CoverReport): Array<{ place: string; text: string; set: (t: string) => void }> {
  const out: Array<{ place: string; text: string; set: (t: string) => void }> = [];
  const add = <T>(place: string, owner: T, key: keyof T) => out.push({ place, text: String(owner[key]), set: (t) => Object.assign(owner as object, { [key]: t }) });
  const addAll = (place: string, xs: string[]) => {
    for (const i of xs.keys()) add(`${place} ${i + 1}`, xs, i);
  };
  add("Title", c, "title");
  addAll("Executive summary, paragraph", c.executiveSummary);
  add("Decision sought", c, "decisionSought");
  addAll("Purpose, paragraph", c.purpose);
  addAll("Recommendation", c.recommendations);
  for (const r of c.crossCuttingImplications) addAll(`Implications of ${r.issue}, paragraph`, r.implications);
  for (const s of c.sections) for (const p of s.paragraphs) add(`${s.heading}, paragraph ${p.number}`.trim(), p, "text");
  for (const o of c.options) add(`Option ${o.number}`, o, "text");
  for (const [label, xs] of [
    ["Preferred option", c.preferredOptionReasons],
    ["Risk", c.risks],
    ["Consultation", c.consultation],
    ["Next steps", c.nextSteps],
  ] as const) {
    for (const p of xs) add(`${label}, paragraph ${p.number}`, p, "text");
  }
  return out;
}

/** Problems of a covering report before it is saved: its shape, then any {{figure}} the report cannot fill in. */
export function coverReportProblems(input: unknown): string[] {
  const parsed = coverReportSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `${i.path.map((k) => (typeof k === "number" ? `[${k + 1}]` : `.${String(k)}`)).join("").replace(/^\./, "") || "report"}: ${i.message}`);
  }
  const problems: string[] = [];
  for (const t of coverTexts(parsed.data)) {
    for (const m of t.text.matchAll(FIGURE)) {
      if (!(COVER_FIGURES as readonly string[]).includes(m[1])) {
        problems.push(`${t.place}: ${m[0]} is not a figure the report can fill in (one of: ${COVER_FIGURES.map((f) => `{{${f}}}`).join(", ")})`);
      }
    }
  }
  return problems;
}

/** The report with its {{figures}} filled in from the data (validate with coverReportProblems first). */
export function fillCoverFigures(cover: CoverReport, figures: CoverFigures): CoverReport {
  const filled = structuredClone(cover);
  for (const t of coverTexts(filled)) {
    if (t.text.includes("{{")) t.set(t.text.replace(FIGURE, (whole, name: string) => (figures as Record<string, string>)[name] ?? whole));
  }
  return filled;
}

/**
 * The numbers of the template's fixed sections. The cross-cutting table is section 1; the body's own sections
 * carry their numbers ("2"); options, preferred option, risk, consultation, next steps and appendices follow on.
 */
export function coverSectionNumbers(cover: Pick<CoverReport, "sections">) {
  const last = Math.max(1, ...cover.sections.map((s) => Number.parseInt(s.number, 10)).filter(Number.isFinite));
  return {
    crossCutting: "1",
    options: String(last + 1),
    preferredOption: String(last + 2),
    risks: String(last + 3),
    consultation: String(last + 4),
    nextSteps: String(last + 5),
    appendices: String(last + 6),
  };
}

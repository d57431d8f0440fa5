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

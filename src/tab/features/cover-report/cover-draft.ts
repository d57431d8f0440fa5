/**
 * The covering report as the form edits it, and back. Lists of plain paragraphs are edited in one text box each,
 * a blank line between paragraphs (a paragraph keeps its own single line breaks, such as "• " bullet lines); lists
 * of names one per line; numbered paragraphs, sections, options and table rows item by item. Also: which parts
 * differ between two versions, for the conflict notice and for re-applying the lead's edits onto someone else's.
 */
import type { CoverReport, CoverReportInput } from "../../../domain/cover-report.ts";

export type CoverPart = Exclude<keyof CoverReport, "period">;

/** Each part's name in the form, in the form's order. */
export const PART_LABELS: Record<CoverPart, string> = {
  title: "Report title",
  finalDecisionMaker: "Final decision-maker",
  leadRoles: "Lead roles",
  classification: "Classification",
  wardsAffected: "Wards affected",
  executiveSummary: "Executive summary",
  decisionSought: "Decision sought",
  purpose: "Purpose of the report",
  recommendations: "Recommendations",
  timetable: "Timetable",
  crossCuttingImplications: "Cross-cutting issues and implications",
  strategicPlanObjectives: "Strategic Plan objectives",
  crossCuttingObjectives: "Cross-cutting objectives",
  sections: "Report sections",
  options: "Available options",
  preferredOptionReasons: "Preferred option and reasons",
  risks: "Risk",
  consultation: "Consultation results and previous committee feedback",
  nextSteps: "Next steps",
  appendices: "Appendices",
};
export const PARTS = Object.keys(PART_LABELS) as CoverPart[];

/** Paragraphs ↔ text: a blank line between paragraphs. */
export const paragraphsToText = (xs: readonly string[]) => xs.join("\n\n");
export const textToParagraphs = (t: string) =>
  t
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

/** Names ↔ text: one a line. */
export const linesToText = (xs: readonly string[]) => xs.join("\n");
export const textToLines = (t: string) =>
  t
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** A new year's report: last year's words when there are some (the lead edits them), else a frame to fill in. */
export function newCover(period: string, previous: CoverReport | null): CoverReportInput {
  if (previous) return { ...structuredClone(previous), period, timetable: previous.timetable.map((t) => ({ ...t })) };
  return {
    title: "Equalities Objectives and Action Plan – Update",
    period,
    finalDecisionMaker: "",
    leadRoles: [{ role: "Lead Head of Service", holder: "" }],
    classification: "Public",
    wardsAffected: "All",
    executiveSummary: [],
    decisionSought: "This report is for discussion and noting.",
    purpose: [],
    recommendations: [],
    timetable: [{ meeting: "", date: "" }],
    crossCuttingImplications: [],
    strategicPlanObjectives: [],
    crossCuttingObjectives: [],
    sections: [],
    options: [{ number: "", text: "", recommended: true }],
    preferredOptionReasons: [],
    risks: [],
    consultation: [],
    nextSteps: [],
    appendices: [],
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The parts that differ between two versions of the report. */
export function changedParts(a: CoverReportInput, b: CoverReportInput): CoverPart[] {
  return PARTS.filter((p) => !same(a[p], b[p]));
}

/**
 * The lead's edits (what differs in `mine` from `base`, the version they opened) laid onto `theirs`, the version
 * saved meanwhile: parts only they changed stay theirs, parts the lead changed are the lead's.
 */
export function reapply(base: CoverReportInput, mine: CoverReportInput, theirs: CoverReportInput): CoverReportInput {
  const out: CoverReportInput = structuredClone(theirs);
  for (const p of changedParts(base, mine)) (out as Record<CoverPart, unknown>)[p] = structuredClone(mine[p]);
  return out;
}

/** "executiveSummary[2]: Too small…" from the rules, in the form's words: "Executive summary, item 2: …". */
export function problemInWords(problem: string): string {
  return problem.replace(/^([A-Za-z]+)((?:\[\d+\])?)(\S*):/, (_, key: string, index: string, rest: string) => {
    const label = PART_LABELS[key as CoverPart] ?? key;
    const item = index ? `, item ${index.slice(1, -1)}` : "";
    const field = rest ? ` (${rest.replace(/^\./, "").replace(/\[(\d+)\]/g, " $1").replace(/\./g, " ")})` : "";
    return `${label}${item}${field}:`;
  });
}

/** The parts written as free text: paragraphs a blank line apart, or names one a line. */
export const TEXT_PARTS = {
  executiveSummary: "paragraphs",
  purpose: "paragraphs",
  recommendations: "paragraphs",
  strategicPlanObjectives: "lines",
  crossCuttingObjectives: "lines",
  appendices: "lines",
} as const satisfies Partial<Record<CoverPart, "paragraphs" | "lines">>;
export type TextPart = keyof typeof TEXT_PARTS;

/**
 * What the form holds: the report, with the free-text parts (and each cross-cutting row's implications) kept as
 * typed, so a blank line being typed between two paragraphs is not swallowed before the next one is written.
 */
export interface CoverDraft {
  cover: CoverReportInput;
  texts: Record<TextPart, string>;
  implications: string[];
}

export function draftOf(cover: CoverReportInput): CoverDraft {
  const texts = {} as Record<TextPart, string>;
  for (const [part, kind] of Object.entries(TEXT_PARTS) as Array<[TextPart, "paragraphs" | "lines"]>) {
    texts[part] = kind === "paragraphs" ? paragraphsToText(cover[part]) : linesToText(cover[part]);
  }
  return { cover: structuredClone(cover), texts, implications: cover.crossCuttingImplications.map((r) => paragraphsToText(r.implications)) };
}

export function coverOf(draft: CoverDraft): CoverReportInput {
  const out: CoverReportInput = structuredClone(draft.cover);
  for (const [part, kind] of Object.entries(TEXT_PARTS) as Array<[TextPart, "paragraphs" | "lines"]>) {
    out[part] = kind === "paragraphs" ? textToParagraphs(draft.texts[part]) : textToLines(draft.texts[part]);
  }
  out.crossCuttingImplications = out.crossCuttingImplications.map((r, i) => ({ ...r, implications: textToParagraphs(draft.implications[i] ?? "") }));
  return out;
}

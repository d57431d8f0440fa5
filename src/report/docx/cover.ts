/**
 * The covering report, shaped like the committee report template the seeds show (000, "Equalities Objectives and
 * Action Plan – Update"): the report's details, executive summary, purpose and recommendations, timetable, the
 * cross-cutting issues and implications table, the numbered body, options (the recommended one marked), preferred
 * option, risk, consultation, next steps and the appendices. Set in portrait; its tables are narrow enough to keep
 * every word whole there. People appear by role only (the lead's words are stored that way).
 */
import { HeadingLevel, Paragraph, type Table } from "docx";
import { type CoverParagraph, type CoverReport, coverSectionNumbers } from "../../domain/cover-report.ts";
import { formatLongDate } from "../../domain/dates.ts";
import { heading, richCell, richParagraphs, text } from "./paragraphs.ts";
import { dataTable, PORTRAIT_TEXT_WIDTH, textCell } from "./table.ts";

/** The numbering definition the recommendations use (a real numbered list: "1.", "2.", …). */
export const RECOMMENDATIONS_NUMBERING = "recommendations";

const detail = (label: string, value: string) => new Paragraph({ children: [text(`${label}: `, { bold: true }), text(value)] });

const numbered = (ps: readonly CoverParagraph[]) => ps.flatMap((p) => richParagraphs(p.text, { lead: p.number || undefined }));

/** "Lead Officer and Report Author" named twice in the template is one line with both posts. */
function leadRoleLines(c: CoverReport): Paragraph[] {
  const byRole = new Map<string, string[]>();
  for (const r of c.leadRoles) byRole.set(r.role, [...(byRole.get(r.role) ?? []), r.holder]);
  return [...byRole].map(([role, holders]) => detail(role, holders.join("; ")));
}

export function coverBlocks(c: CoverReport): Array<Paragraph | Table> {
  const n = coverSectionNumbers(c);
  const blocks: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(c.title)] }),
    detail("Final Decision-Maker", c.finalDecisionMaker),
    ...leadRoleLines(c),
    detail("Classification", c.classification),
    detail("Wards affected", c.wardsAffected),

    heading(1, "Executive Summary"),
    ...c.executiveSummary.flatMap((p) => richParagraphs(p)),
    ...(c.decisionSought ? richParagraphs(c.decisionSought) : []),

    heading(1, "Purpose of Report"),
    ...c.purpose.flatMap((p) => richParagraphs(p)),
    new Paragraph({ children: [text("This report makes the following recommendations:")] }),
    ...c.recommendations.map((r) => new Paragraph({ numbering: { reference: RECOMMENDATIONS_NUMBERING, level: 0 }, children: [text(r)] })),

    heading(1, "Timetable"),
    dataTable(
      ["Meeting", "Date"],
      c.timetable.map((m) => [textCell(m.meeting), textCell(formatLongDate(m.date))]),
      PORTRAIT_TEXT_WIDTH,
    ),

    heading(1, `${n.crossCutting}. Cross-cutting issues and implications`),
    dataTable(
      ["Issue", "Implications", "Sign-off"],
      c.crossCuttingImplications.map((r) => [textCell(r.issue), richCell(r.implications.join("\n\n")), textCell(r.signOff)]),
      PORTRAIT_TEXT_WIDTH,
    ),
  ];

  for (const s of c.sections) {
    blocks.push(s.number ? heading(1, `${s.number}. ${s.heading}`) : heading(2, s.heading));
    blocks.push(...numbered(s.paragraphs));
  }

  blocks.push(heading(1, `${n.options}. Available options`));
  for (const o of c.options) blocks.push(...richParagraphs(o.text, { lead: o.number || undefined, mark: o.recommended ? "(recommended option)" : undefined }));
  const rest: Array<[string, string, readonly CoverParagraph[]]> = [
    [n.preferredOption, "Preferred option and reasons for recommendations", c.preferredOptionReasons],
    [n.risks, "Risk", c.risks],
    [n.consultation, "Consultation results and previous committee feedback", c.consultation],
    [n.nextSteps, "Next steps: communication and implementation of the decision", c.nextSteps],
  ];
  for (const [number, title, paragraphs] of rest) blocks.push(heading(1, `${number}. ${title}`), ...numbered(paragraphs));
  blocks.push(heading(1, `${n.appendices}. Report appendices`));
  blocks.push(...c.appendices.map((a) => new Paragraph({ bullet: { level: 0 }, children: [text(a)] })));
  return blocks;
}

/**
 * The committee report as a Word document, shaped like the seeds' "Appendix 1 – Updates on actions from 2022-23":
 * title, the summary table first, then "As a <role>" → "Objective: ..." (with its commitments) → a table of
 * actions with their update and disposition sentence.
 *
 * Accessibility is a legal duty for councils (PSED, Public Sector Bodies Accessibility Regulations 2018), so:
 * real heading styles (Title, Heading 1-3) for navigation, a header row on every table (`tableHeader: true`, which
 * Word repeats on each page and screen readers announce), the document title in its properties and the language
 * (en-GB) in the document defaults. Text from people goes in as text runs: nothing is interpreted as markup.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import {
  DISPOSITION_LABELS,
  type ReportAction,
  type ReportModel,
  type ReportUpdate,
  SUMMARY_DISPOSITION_COLUMNS,
  SUMMARY_STATUS_COLUMNS,
} from "../domain/report-model.ts";
import type { ReportIndicatorRow } from "../domain/report-indicators.ts";
import { ACTION_STATUS_LABELS } from "../domain/types.ts";

const LANGUAGE = "en-GB";

const text = (t: string, opts: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: t, bold: opts.bold, italics: opts.italics });

/** A person's text may hold several paragraphs (blank lines) and line breaks: keep both, as text. */
function paragraphsOf(t: string): Paragraph[] {
  return t
    .split(/\n\s*\n/)
    .map((para) => para.trim())
    .filter((para) => para !== "")
    .map((para) => {
      const lines = para.split("\n");
      return new Paragraph({ children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })) });
    });
}

function headerCell(label: string): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [text(label, { bold: true })] })] });
}

function cell(children: Paragraph[]): TableCell {
  // Word needs at least one paragraph in every cell.
  return new TableCell({ children: children.length ? children : [new Paragraph("")] });
}

function numberCell(n: number): TableCell {
  return new TableCell({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(String(n))] })] });
}

function summaryTable(model: ReportModel): Table {
  const header = new TableRow({
    tableHeader: true,
    children: [
      headerCell("Role"),
      headerCell("Actions"),
      ...SUMMARY_STATUS_COLUMNS.map((s) => headerCell(ACTION_STATUS_LABELS[s])),
      ...SUMMARY_DISPOSITION_COLUMNS.map((d) => headerCell(DISPOSITION_LABELS[d])),
    ],
  });
  const rows = model.summary.map(
    (r) =>
      new TableRow({
        children: [
          cell([new Paragraph({ children: [text(r.label, { bold: r === model.summary.at(-1) })] })]),
          numberCell(r.total),
          ...SUMMARY_STATUS_COLUMNS.map((s) => numberCell(r.byStatus[s])),
          ...SUMMARY_DISPOSITION_COLUMNS.map((d) => numberCell(r.byDisposition[d])),
        ],
      }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

/** An update's words, then who reported it and when (saying so when the date is only the period's end). */
function updateParagraphs(u: ReportUpdate): Paragraph[] {
  const said = [u.sourceText, u.dateText].filter((x): x is string => x !== null).join(", ");
  return [...paragraphsOf(u.text), new Paragraph({ children: [text(`${said}.`, { italics: true })] })];
}

function actionRow(a: ReportAction, withCommitment: boolean): TableRow {
  const update = a.updates.flatMap(updateParagraphs);
  if (a.dispositionSentence) update.push(new Paragraph({ children: [text(`${a.dispositionSentence}.`, { bold: true })] }));
  else update.push(new Paragraph({ children: [text(`Status: ${a.statusLabel}.`, { bold: true })] }));
  const actionCell = [...paragraphsOf(a.text)];
  if (a.reference) actionCell.push(new Paragraph({ children: [text(`Reference: ${a.reference}`)] }));
  const commitment = withCommitment ? [cell(a.commitment ? paragraphsOf(a.commitment) : [new Paragraph("")])] : [];
  return new TableRow({ children: [...commitment, cell(actionCell), cell(update)] });
}

/**
 * Actions with their updates. The Commitment column is there only when an action sits under a commitment: where
 * a plan lists its commitments beside its actions without pairing them (as the seeds' appendix does), the list
 * above the table says it all and an empty column would suggest a pairing nobody made.
 */
function actionsTable(actions: ReportAction[]): Table {
  const withCommitment = actions.some((a) => a.commitment !== null);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: withCommitment ? [2600, 2600, 4400] : [3200, 6400],
    rows: [
      new TableRow({
        tableHeader: true,
        children: [...(withCommitment ? [headerCell("Commitment")] : []), headerCell("Action"), headerCell("Update")],
      }),
      ...actions.map((a) => actionRow(a, withCommitment)),
    ],
  });
}

const INDICATOR_COLUMNS = ["Indicator", "Baseline", "Target", "Latest", "Trend", "Against target"] as const;

/**
 * The objective's indicators as at the year's end: one row per indicator, then a row per breakdown group with a
 * value (its name indented under the indicator's, so the table reads in order without merged cells).
 */
function indicatorsTable(rows: ReportIndicatorRow[]): Table {
  const line = (t: string) => [new Paragraph({ children: [text(t)] })];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [2600, 1200, 1400, 1300, 2300, 1000],
    rows: [
      new TableRow({ tableHeader: true, children: INDICATOR_COLUMNS.map(headerCell) }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: [
              cell(r.group ? [new Paragraph({ indent: { left: 360 }, children: [text(r.name)] })] : [...line(r.name), new Paragraph({ children: [text(`Action ${r.actionReference}`, { italics: true })] })]),
              cell(line(r.baseline || (r.group ? "" : "None set"))),
              cell(line(r.target || (r.group ? "" : "None set"))),
              cell(line(r.latest)),
              cell(line(r.trend)),
              cell(line(r.statusLabel)),
            ],
          }),
      ),
    ],
  });
}

export function buildCommitteeReportDocument(model: ReportModel, opts: { creator?: string } = {}): Document {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(model.title)] }),
    new Paragraph({ children: [text(model.planTitle)] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text("Summary")] }),
    new Paragraph({
      children: [text(`Actions reported on in ${model.period}: ${model.actionCount}, by role, status and disposition.`)],
    }),
    summaryTable(model),
  ];
  for (const role of model.roles) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(role.heading)] }));
    for (const o of role.objectives) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(`Objective: ${o.statement}`)] }));
      if (o.commitments.length) {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [text("Commitments")] }));
        for (const c of o.commitments) {
          // A commitment may carry its own bullet list ("... to:\n• Identify ..."): nest those one level down.
          for (const line of c.split("\n").filter((l) => l.trim() !== "")) {
            const sub = /^\s*•\s*/.test(line);
            children.push(new Paragraph({ bullet: { level: sub ? 1 : 0 }, children: [text(line.replace(/^\s*•\s*/, ""))] }));
          }
        }
      }
      if (o.actions.length) {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [text("Actions and updates")] }));
        children.push(actionsTable(o.actions));
      }
      if (o.indicators.length) {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [text("Indicators")] }));
        children.push(indicatorsTable(o.indicators));
      }
    }
  }
  return new Document({
    title: model.title,
    subject: `${model.planTitle}: updates on actions from ${model.period}`,
    description: `Committee report for ${model.period}`,
    creator: opts.creator ?? "Equality Action Plan",
    lastModifiedBy: opts.creator ?? "Equality Action Plan",
    styles: { default: { document: { run: { language: { value: LANGUAGE }, font: "Arial", size: 24 } } } },
    sections: [{ children }],
  });
}

/** The .docx bytes, in Node and in the browser alike (the tab wraps them in a Blob). */
export async function committeeReportBytes(model: ReportModel, opts: { creator?: string } = {}): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildCommitteeReportDocument(model, opts)));
}

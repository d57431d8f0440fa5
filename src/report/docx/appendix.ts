/**
 * The appendix of progress, shaped like the seeds' "Appendix 1 – Updates on actions from 2022-23": its title, the
 * summary table first, then "As a <role>" → "Objective: ..." (with its commitments) → a table of actions with
 * their approved update and disposition sentence. Set in landscape (committee-report-docx.ts): its tables are
 * wide, and in portrait the summary's eleven columns broke words across lines.
 *
 * `level` is the heading level of the appendix's own title: with a covering report before it the appendix is a
 * section of the paper (Heading 1, roles Heading 2, …); alone it is the document (Title, roles Heading 1, …).
 */
import { HeadingLevel, Paragraph, type Table } from "docx";
import {
  DISPOSITION_LABELS,
  type ReportAction,
  type ReportModel,
  type ReportUpdate,
  SUMMARY_DISPOSITION_COLUMNS,
  SUMMARY_STATUS_COLUMNS,
} from "../../domain/report-model.ts";
import type { ReportIndicatorRow } from "../../domain/report-indicators.ts";
import { ACTION_STATUS_LABELS } from "../../domain/types.ts";
import { heading, richParagraphs, text } from "./paragraphs.ts";
import { type Cell, dataTable, LANDSCAPE_TEXT_WIDTH, stackCells, textCell } from "./table.ts";

function summaryTable(model: ReportModel): Table {
  const headers = [
    "Role",
    "Actions",
    ...SUMMARY_STATUS_COLUMNS.map((s) => ACTION_STATUS_LABELS[s]),
    ...SUMMARY_DISPOSITION_COLUMNS.map((d) => DISPOSITION_LABELS[d]),
  ];
  const number = (n: number) => textCell(String(n), { alignRight: true });
  const rows = model.summary.map((r) => [
    textCell(r.label, { bold: r === model.summary.at(-1) }),
    number(r.total),
    ...SUMMARY_STATUS_COLUMNS.map((s) => number(r.byStatus[s])),
    ...SUMMARY_DISPOSITION_COLUMNS.map((d) => number(r.byDisposition[d])),
  ]);
  return dataTable(headers, rows, LANDSCAPE_TEXT_WIDTH);
}

/** An update's approved words, then who reported it and when (saying so when the date is only the period's end). */
function updateCell(u: ReportUpdate): Cell {
  const said = [u.sourceText, u.dateText].filter((x): x is string => x !== null).join(", ");
  const who: Cell = { children: [new Paragraph({ children: [text(`${said}.`, { italics: true })] })], regular: said, bold: "" };
  return stackCells({ children: richParagraphs(u.text), regular: u.text, bold: "" }, who);
}

function actionRow(a: ReportAction, withCommitment: boolean): Cell[] {
  const closing = a.dispositionSentence ? `${a.dispositionSentence}.` : `Status: ${a.statusLabel}.`;
  const update = stackCells(...a.updates.map(updateCell), textCell(closing, { bold: true }));
  const action = a.reference ? stackCells({ children: richParagraphs(a.text), regular: a.text, bold: "" }, textCell(`Reference: ${a.reference}`)) : { children: richParagraphs(a.text), regular: a.text, bold: "" };
  const commitment: Cell = { children: a.commitment ? richParagraphs(a.commitment) : [], regular: a.commitment ?? "", bold: "" };
  return [...(withCommitment ? [commitment] : []), action, update];
}

/**
 * Actions with their updates. The Commitment column is there only when an action sits under a commitment: where
 * a plan lists its commitments beside its actions without pairing them (as the seeds' appendix does), the list
 * above the table says it all and an empty column would suggest a pairing nobody made.
 */
function actionsTable(actions: ReportAction[]): Table {
  const withCommitment = actions.some((a) => a.commitment !== null);
  const headers = [...(withCommitment ? ["Commitment"] : []), "Action", "Update"];
  return dataTable(headers, actions.map((a) => actionRow(a, withCommitment)), LANDSCAPE_TEXT_WIDTH);
}

const INDICATOR_COLUMNS = ["Indicator", "Baseline", "Target", "Latest", "Trend", "Against target"];

/**
 * The objective's indicators as at the year's end: one row per indicator, then a row per breakdown group with a
 * value (its name indented under the indicator's, so the table reads in order without merged cells).
 */
function indicatorsTable(rows: readonly ReportIndicatorRow[]): Table {
  const nameCell = (r: ReportIndicatorRow): Cell =>
    r.group
      ? { children: [new Paragraph({ indent: { left: 360 }, children: [text(r.name)] })], regular: r.name, bold: "" }
      : stackCells(textCell(r.name), { children: [new Paragraph({ children: [text(`Action ${r.actionReference}`, { italics: true })] })], regular: `Action ${r.actionReference}`, bold: "" });
  const unset = (v: string, r: ReportIndicatorRow) => textCell(v || (r.group ? "" : "None set"));
  const cells = rows.map((r) => [nameCell(r), unset(r.baseline, r), unset(r.target, r), textCell(r.latest), textCell(r.trend), textCell(r.statusLabel)]);
  return dataTable(INDICATOR_COLUMNS, cells, LANDSCAPE_TEXT_WIDTH);
}

export function appendixBlocks(model: ReportModel, level: 0 | 1): Array<Paragraph | Table> {
  const h = (n: number, t: string) => heading(n + level, t);
  const blocks: Array<Paragraph | Table> = [
    level === 0 ? new Paragraph({ heading: HeadingLevel.TITLE, children: [text(model.title)] }) : h(0, model.title),
    new Paragraph({ children: [text(model.planTitle)] }),
    h(1, "Summary"),
    new Paragraph({ children: [text(`Actions reported on in ${model.period}: ${model.actionCount}, by role, status and disposition.`)] }),
    summaryTable(model),
  ];
  for (const role of model.roles) {
    blocks.push(h(1, role.heading));
    for (const o of role.objectives) {
      blocks.push(h(2, `Objective: ${o.statement}`));
      if (o.commitments.length) {
        blocks.push(h(3, "Commitments"));
        for (const c of o.commitments) {
          // A commitment may carry its own bullet list ("... to:\n• Identify ..."): nest those one level down.
          for (const line of c.split("\n").filter((l) => l.trim() !== "")) {
            const sub = /^\s*•\s*/.test(line);
            blocks.push(new Paragraph({ bullet: { level: sub ? 1 : 0 }, children: [text(line.replace(/^\s*•\s*/, ""))] }));
          }
        }
      }
      if (o.actions.length) {
        blocks.push(h(3, "Actions and updates"));
        blocks.push(actionsTable(o.actions));
      }
      if (o.indicators.length) {
        blocks.push(h(3, "Indicators"));
        blocks.push(indicatorsTable(o.indicators));
      }
    }
  }
  return blocks;
}

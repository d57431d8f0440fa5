/**
 * Accessible Word tables whose columns keep words whole. Every table has a header row (`w:tblHeader`: Word repeats
 * it on each page and screen readers announce it) and a fixed layout with widths measured from its own text:
 * each column at least as wide as its widest word, the rest of the page shared out as a browser shares out an
 * automatic table (in proportion to what each column would need to wrap nothing). Word's own "autofit" would
 * re-measure with whatever fonts the reader has, so the grid is fixed and written on every cell.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import { widestLine, widestWord } from "./text-width.ts";

/** The report's body size (Arial 12 pt): tables use it too, so nobody needs to zoom. */
export const BODY_PT = 12;
/** Left and right cell margins, written on every table so the measurement matches what Word lays out. */
const CELL_MARGIN = 108;
/** Kerning, rounding and the cell border: a little room so that a word exactly at the limit still fits. */
const SLACK = 80;

/** A4 (210 × 297 mm) with 1-inch margins: the text width in twips. */
export const PORTRAIT_TEXT_WIDTH = 11906 - 2 * 1440;
export const LANDSCAPE_TEXT_WIDTH = 16838 - 2 * 1440;

/** A cell's paragraphs, and its words by weight, measured for the column widths. */
export interface Cell {
  children: Paragraph[];
  regular: string;
  bold: string;
  alignRight?: boolean;
}

/** One run of text in one paragraph (bold or not). */
export function textCell(text: string, opts: { bold?: boolean; alignRight?: boolean } = {}): Cell {
  return {
    children: [new Paragraph({ alignment: opts.alignRight ? AlignmentType.RIGHT : undefined, children: [new TextRun({ text, bold: opts.bold })] })],
    regular: opts.bold ? "" : text,
    bold: opts.bold ? text : "",
    alignRight: opts.alignRight,
  };
}

/** Cells joined top to bottom (an update's words, then who reported it, then its sentence). */
export function stackCells(...cells: Cell[]): Cell {
  return {
    children: cells.flatMap((c) => c.children),
    regular: cells.map((c) => c.regular).join("\n"),
    bold: cells.map((c) => c.bold).join("\n"),
  };
}

interface Need {
  min: number;
  natural: number;
}

function needOf(cell: Cell): Need {
  const min = Math.max(widestWord(cell.regular, BODY_PT), widestWord(cell.bold, BODY_PT, true));
  const natural = Math.max(widestLine(cell.regular, BODY_PT), widestLine(cell.bold, BODY_PT, true));
  return { min: min + 2 * CELL_MARGIN + SLACK, natural: natural + 2 * CELL_MARGIN + SLACK };
}

/**
 * Widths (twips) summing to `available`: every column gets its widest word; what is left goes to the columns in
 * proportion to how much more they would need to wrap nothing. If even the widest words do not fit, the columns
 * share the page in proportion to them (the caller chose a page too narrow: wide tables go in landscape).
 */
export function columnWidths(needs: readonly Need[], available: number): number[] {
  const minSum = needs.reduce((s, n) => s + n.min, 0);
  if (minSum >= available) return needs.map((n) => Math.floor((n.min * available) / minSum));
  const extra = needs.map((n) => Math.max(0, n.natural - n.min));
  const extraSum = extra.reduce((s, e) => s + e, 0);
  const spare = available - minSum;
  if (extraSum <= spare) {
    // Everything fits unwrapped: share the rest out by natural width, so the table still spans the page.
    const naturalSum = needs.reduce((s, n) => s + Math.max(n.natural, n.min), 0);
    return needs.map((n) => Math.floor((Math.max(n.natural, n.min) * available) / naturalSum));
  }
  return needs.map((n, i) => Math.floor(n.min + (extra[i] * spare) / extraSum));
}

/** A table with a header row and measured, fixed column widths across `available` twips. */
export function dataTable(headers: readonly string[], rows: readonly Cell[][], available: number): Table {
  const head = headers.map((h) => textCell(h, { bold: true }));
  const needs = head.map((h, c) => {
    const all = [h, ...rows.map((r) => r[c])].map(needOf);
    return { min: Math.max(...all.map((n) => n.min)), natural: Math.max(...all.map((n) => n.natural)) };
  });
  const widths = columnWidths(needs, available);
  const row = (cells: Cell[], header = false) =>
    new TableRow({
      tableHeader: header || undefined,
      cantSplit: header || undefined,
      children: cells.map(
        (cell, c) =>
          new TableCell({
            width: { size: widths[c], type: WidthType.DXA },
            // Word needs at least one paragraph in every cell.
            children: cell.children.length ? cell.children : [new Paragraph("")],
          }),
      ),
    });
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    rows: [row(head, true), ...rows.map((r) => row(r))],
  });
}

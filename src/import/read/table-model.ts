/**
 * Step 2 of the import, the common shape every format is read into before the plan is built: tables of rows of
 * cells, each cell a list of lines (paragraphs or list items). Word tables, Excel sheets and a CSV all become this,
 * so one builder applies the same rules (headers, role rows, continued rows, bullets) to all three.
 */
import { MAX_CELL_CHARS } from "../limits.ts";

export interface SourceCell {
  /** Lines of the cell: paragraphs and list items, trimmed, empty ones dropped. */
  lines: string[];
  /** Which lines were list items (Word bullets, or "• " / "- " written at the start of a line). */
  bullets: boolean[];
  /** Columns this cell spans (Word gridSpan / merged cells). */
  span: number;
  /** A cell covered by a vertically merged cell above it: it repeats that cell's lines. */
  covered: boolean;
  /**
   * Set when the cell holds more than MAX_CELL_CHARS characters (more than SharePoint keeps in any field): its
   * length. Its text is not kept (no lines), so nothing proportional to it is made; the steps report it.
   */
  oversize?: number;
}

export interface SourceRow {
  /** 1-based row number in the table or sheet, as a person counts it. */
  number: number;
  cells: SourceCell[];
}

export interface SourceTable {
  /** "Table 1", "Sheet "Plan"", "CSV". */
  label: string;
  rows: SourceRow[];
}

/** A text of the document outside its tables that may name the plan's years, and where it is, as people say it. */
export interface DocumentText {
  text: string;
  /** "the document's title", "a heading", "the document's opening lines", "Table 1, row 1". */
  where: string;
}

/** Characters that start a bullet when a list was typed rather than made with Word's list button. */
const BULLET_PREFIX = /^(?:[•·▪◦‣●○■□➢➤►]|\uf0b7|\uf0a7|[-*](?=\s))\s*/;

const oversized = (chars: number, span = 1, covered = false): SourceCell => ({ lines: [], bullets: [], span, covered, oversize: chars });

/** Builds a cell from text lines, recognising typed bullets. */
export function cellFromLines(raw: readonly string[], opts: { bullets?: readonly boolean[]; span?: number; covered?: boolean } = {}): SourceCell {
  const chars = raw.reduce((n, l) => n + l.length, 0);
  if (chars > MAX_CELL_CHARS) return oversized(chars, opts.span, opts.covered);
  const lines: string[] = [];
  const bullets: boolean[] = [];
  raw.forEach((line, i) => {
    let text = line.replace(/\u00a0/g, " ").replace(/[ \t]+/g, " ").trim();
    let bullet = opts.bullets?.[i] ?? false;
    if (BULLET_PREFIX.test(text)) {
      text = text.replace(BULLET_PREFIX, "").trim();
      bullet = true;
    }
    if (text) {
      lines.push(text);
      bullets.push(bullet);
    }
  });
  return { lines, bullets, span: opts.span ?? 1, covered: opts.covered ?? false };
}

/** A cell from one block of text (spreadsheet cell, CSV field): split on line breaks (not when it is oversized). */
export const cellFromText = (text: string, span = 1): SourceCell =>
  text.length > MAX_CELL_CHARS ? oversized(text.length, span) : cellFromLines(text.split(/\r\n|\r|\n/), { span });

export const cellText = (c: SourceCell | undefined): string => (c ? c.lines.join("\n") : "");
export const isEmptyCell = (c: SourceCell | undefined): boolean => !c || (c.lines.length === 0 && !c.oversize);

/**
 * Lays a row out on the table's column grid: a cell spanning three columns occupies three positions (the first
 * holds it, the others are empty), so that column n means the same thing in every row.
 */
export function gridCells(row: SourceRow): SourceCell[] {
  const out: SourceCell[] = [];
  for (const c of row.cells) {
    out.push(c);
    for (let k = 1; k < c.span; k++) out.push({ lines: [], bullets: [], span: 1, covered: false });
  }
  return out;
}

/**
 * The common shape every format is read into before the plan is built: tables of rows of cells, each cell a list
 * of lines (paragraphs or list items). Word tables, Excel sheets and a CSV all become this, so one builder applies
 * the same rules (headers, role rows, continued rows, bullets) to all three.
 */

export interface SourceCell {
  /** Lines of the cell: paragraphs and list items, trimmed, empty ones dropped. */
  lines: string[];
  /** Which lines were list items (Word bullets, or "• " / "- " written at the start of a line). */
  bullets: boolean[];
  /** Columns this cell spans (Word gridSpan / merged cells). */
  span: number;
  /** A cell covered by a vertically merged cell above it: it repeats that cell's lines. */
  covered: boolean;
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

/** Characters that start a bullet when a list was typed rather than made with Word's list button. */
const BULLET_PREFIX = /^(?:[•·▪◦‣●○■□➢➤►]|\uf0b7|\uf0a7|[-*](?=\s))\s*/;

/** Builds a cell from text lines, recognising typed bullets. */
export function cellFromLines(raw: readonly string[], opts: { bullets?: readonly boolean[]; span?: number; covered?: boolean } = {}): SourceCell {
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

/** A cell from one block of text (spreadsheet cell, CSV field): split on line breaks. */
export const cellFromText = (text: string, span = 1): SourceCell => cellFromLines(text.split(/\r\n|\r|\n/), { span });

export const cellText = (c: SourceCell | undefined): string => (c ? c.lines.join("\n") : "");
export const isEmptyCell = (c: SourceCell | undefined): boolean => !c || c.lines.length === 0;

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

/**
 * The limits of a workbook, checked on its XML as it is inflated and before exceljs reads it. exceljs allocates by
 * what a file claims in places: every cell of a merged range, of a data validation's range and of a named range,
 * and a column object for every column a <col> element names (exceljs issues #1842, #1654). So:
 * - cells with content must sit within the first 64 columns and 5,000 rows (a cell at XFD1 or A20000 is refused);
 * - cells and rows are counted (styled empty cells too: exceljs makes an object for each);
 * - a named range (print areas included) may cover at most 320,000 cells;
 * - sheets and shared texts are counted;
 * and read-xlsx.ts tells exceljs to skip merges, validations, column formats and the rest (it reads values only).
 * A worksheet part is one exceljs reads: the same unanchored pattern, xl/worksheets/sheetN.xml.
 */
import { count, MAX_CELLS, MAX_COLUMNS, MAX_NAMED_CELLS, MAX_ROWS } from "../limits.ts";
import { ImportLimitError, LimitCounter } from "./limit-error.ts";
import { attr, type XmlTag, XmlTagStream } from "./xml-tags.ts";
import type { PackageScan, PartReader } from "./zip-guard.ts";

const WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
/** Text of a defined name kept for reading its ranges (a name's formula is short). */
const MAX_NAME_TEXT = 64 * 1024;

/** A cell reference as exceljs decodes it (col-cache.js): capital letters, then digits; "$" and others skipped. */
export function cellAddress(ref: string): { col: number; row: number } {
  let col = 0;
  let row = 0;
  let inRow = false;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (!inRow && c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 48 && c <= 57) {
      inRow = true;
      row = row * 10 + c - 48;
    } else if (inRow && col && c !== 36) break;
  }
  return { col, row };
}

/** 16384 → "XFD". */
export function columnLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Cells covered by the ranges written in a defined name ("Plan!$A$1:$F$200,Plan!$1:$1"). */
export function namedCells(text: string): { range: string; cells: number } {
  let biggest = { range: "", cells: 0 };
  for (const m of text.matchAll(/\$?[A-Z]{1,4}\$?\d+(?::\$?[A-Z]{1,4}\$?\d+)?/g)) {
    const [a, b = a] = m[0].split(":");
    const tl = cellAddress(a);
    const br = cellAddress(b);
    const cells = (Math.abs(br.col - tl.col) + 1) * (Math.abs(br.row - tl.row) + 1);
    if (cells > biggest.cells) biggest = { range: m[0], cells };
  }
  return biggest;
}

export function scanXlsx(): PackageScan {
  const counter = new LimitCounter({ tables: "sheets", cells: "cells (rows included)" });
  const sheetNames = new Map<string, string>();
  const sheetTargets = new Map<string, string>();
  let texts = 0;
  let namedTotal = 0;
  /** The first cell beyond a limit, by part: reported with the sheet's name once workbook.xml is read too. */
  let beyond: { part: string; row: number; message: string } | null = null;

  const label = (part: string): string => {
    for (const [id, target] of sheetTargets) if (target === part && sheetNames.has(id)) return `Sheet "${sheetNames.get(id)}"`;
    return `Sheet ${WORKSHEET.exec(part)?.[1] ?? ""}`.trim();
  };

  const workbook = (): PartReader => {
    let name = "";
    let text = "";
    const stream: XmlTagStream = new XmlTagStream(
      (tag) => {
        if (tag.local === "sheet" && tag.kind !== "close") {
          counter.table(() => ({}));
          const id = attr(tag, "id");
          if (id) sheetNames.set(id, attr(tag, "name") ?? "");
        } else if (tag.local === "definedName") {
          if (tag.kind === "open") {
            name = attr(tag, "name") ?? "";
            text = "";
            stream.wantText = true;
          } else if (tag.kind === "close") {
            stream.wantText = false;
            const { range, cells } = namedCells(text);
            namedTotal += cells;
            if (cells > MAX_NAMED_CELLS || namedTotal > MAX_NAMED_CELLS)
              throw new ImportLimitError(
                {},
                `The workbook's name "${name}" covers ${range} (${count(cells)} cells); names and print areas may cover at most ${count(MAX_NAMED_CELLS)} cells in all.`,
              );
          }
        }
      },
      (t) => {
        if (text.length < MAX_NAME_TEXT) text += t.slice(0, MAX_NAME_TEXT - text.length);
      },
    );
    return stream;
  };

  const rels = (): PartReader =>
    new XmlTagStream((tag) => {
      if (tag.local !== "Relationship" || tag.kind === "close") return;
      const id = attr(tag, "Id");
      const target = attr(tag, "Target") ?? "";
      if (id) sheetTargets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
    });

  const worksheet = (part: string): PartReader => {
    let row = 0;
    let col = 0;
    let stopped = false;
    const stop = (message: string) => {
      beyond ??= { part, row, message };
      stopped = true;
    };
    return new XmlTagStream((tag: XmlTag) => {
      if (stopped || tag.kind === "close") return;
      if (tag.local === "row") {
        const r = attr(tag, "r");
        row = r ? Number.parseInt(r, 10) || row + 1 : row + 1;
        col = 0;
        counter.cell(() => ({ table: label(part), row }));
      } else if (tag.local === "c") {
        const r = attr(tag, "r");
        const at = r ? cellAddress(r) : { col: col + 1, row };
        col = at.col;
        row = at.row || row;
        counter.cell(() => ({ table: label(part), row }));
        // A cell with content (not a styled empty <c .../>) must be within the limits.
        const ref = `${columnLetters(col)}${row}`;
        if (tag.kind === "open" && col > MAX_COLUMNS) stop(`Cell ${ref} is in column ${count(col)}; at most ${MAX_COLUMNS} columns are allowed.`);
        else if (tag.kind === "open" && row > MAX_ROWS) stop(`Cell ${ref} is on row ${count(row)}; at most ${count(MAX_ROWS)} rows are allowed.`);
      }
    });
  };

  const strings = (): PartReader =>
    new XmlTagStream((tag) => {
      if (tag.local === "si" && tag.kind !== "close" && ++texts > MAX_CELLS)
        throw new ImportLimitError({}, `The workbook holds more than ${count(MAX_CELLS)} different texts; at most ${count(MAX_CELLS)} are allowed.`);
    });

  return {
    part: (name) => {
      if (name === "xl/workbook.xml") return workbook();
      if (name === "xl/_rels/workbook.xml.rels") return rels();
      if (name === "xl/sharedStrings.xml") return strings();
      if (WORKSHEET.test(name)) return worksheet(name);
      return null;
    },
    finish: () => {
      if (beyond) throw new ImportLimitError({ table: label(beyond.part), row: beyond.row }, beyond.message);
    },
  };
}

/**
 * The limits of a Word document, checked on word/document.xml as it is inflated and before mammoth reads it:
 * tables, rows, cells, a cell's span (<w:gridSpan w:val="50000000"/> costs nine bytes) and a row's width. Elements
 * are recognised by local name whatever their prefix, so a renamed namespace prefix hides nothing.
 */
import { MAX_COLUMNS } from "../limits.ts";
import type { ImportPlace } from "../types.ts";
import { LimitCounter, rowTooWide, spanTooWide } from "./limit-error.ts";
import { attr, type XmlTag, XmlTagStream } from "./xml-tags.ts";
import type { PackageScan } from "./zip-guard.ts";

interface TableState {
  /** Columns of the row being read so far (spans included). */
  columns: number;
  /** Span of the cell being read. */
  span: number;
}

export function scanDocx(): PackageScan {
  const counter = new LimitCounter();
  const stack: TableState[] = [];
  let table = 0;
  let row = 0;
  // Nested tables are placed at the row of the outer table they sit in.
  const place = (): ImportPlace => ({ table: `Table ${table}`, row });

  const onTag = (tag: XmlTag) => {
    const top = stack.at(-1);
    switch (tag.local) {
      case "tbl":
        if (tag.kind === "open") {
          if (stack.length === 0) {
            table++;
            row = 0;
            counter.table({ table: `Table ${table}` });
          }
          stack.push({ columns: 0, span: 1 });
        } else if (tag.kind === "close") stack.pop();
        return;
      case "tr":
        if (!top) return;
        if (tag.kind === "close") {
          if (top.columns > MAX_COLUMNS) throw rowTooWide(place(), top.columns);
          return;
        }
        if (stack.length === 1) row++;
        counter.row(place);
        top.columns = 0;
        return;
      case "tc":
        if (!top) return;
        if (tag.kind !== "close") {
          counter.cell(place);
          top.span = 1;
        }
        if (tag.kind !== "open") top.columns += top.span;
        return;
      case "gridSpan": {
        if (!top) return;
        const span = Number.parseInt(attr(tag, "val") ?? "1", 10);
        if (span > MAX_COLUMNS) throw spanTooWide(place(), span);
        top.span = Math.max(1, span || 1);
        return;
      }
    }
  };

  return {
    part: (name) => (name === "word/document.xml" ? new XmlTagStream(onTag) : null),
    finish: () => {},
  };
}

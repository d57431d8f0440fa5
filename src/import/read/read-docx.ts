/**
 * Word: mammoth turns the document into HTML (it resolves styles, numbering and merged cells for us); parse5 walks
 * the tables. Each paragraph and each list item in a cell becomes one line; Word bullets are kept as bullets.
 * The limits were checked on the XML before mammoth ran (scan-docx.ts); they are checked again here on the HTML,
 * before a span is laid out on the grid, so that no way of writing the XML can get a 50,000,000-column span past.
 * Images are not converted (mammoth would inline each as base64).
 */
import mammoth from "mammoth";
import { parseFragment } from "parse5";
import { MAX_COLUMNS } from "../limits.ts";
import { LimitCounter, rowTooWide, spanTooWide } from "./limit-error.ts";
import { cellFromLines, type DocumentText, type SourceCell, type SourceRow, type SourceTable } from "./table-model.ts";

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
}

const children = (n: HtmlNode): HtmlNode[] => n.childNodes ?? [];
const attr = (n: HtmlNode, name: string): string | undefined => n.attrs?.find((a) => a.name === name)?.value;

function textOf(n: HtmlNode): string {
  if (n.nodeName === "#text") return n.value ?? "";
  if (n.tagName === "br") return "\n";
  return children(n).map(textOf).join("");
}

/** Lines of a cell: <p> and <li> are lines (li = bullet); nested tables contribute their text line by line. */
function cellLines(n: HtmlNode, out: { lines: string[]; bullets: boolean[] }, inList = false): void {
  for (const c of children(n)) {
    if (c.tagName === "p" || c.tagName?.match(/^h[1-6]$/)) {
      for (const l of textOf(c).split("\n")) {
        out.lines.push(l);
        out.bullets.push(inList);
      }
    } else if (c.tagName === "li") {
      // An item's own text first, then any nested list inside it.
      const own = children(c).filter((k) => k.tagName !== "ul" && k.tagName !== "ol");
      out.lines.push(own.map(textOf).join(" "));
      out.bullets.push(true);
      for (const k of children(c)) if (k.tagName === "ul" || k.tagName === "ol") cellLines(k, out, true);
    } else if (c.tagName === "ul" || c.tagName === "ol") {
      cellLines(c, out, true);
    } else if (c.nodeName === "#text") {
      if ((c.value ?? "").trim()) {
        out.lines.push(c.value ?? "");
        out.bullets.push(inList);
      }
    } else {
      cellLines(c, out, inList);
    }
  }
}

function collectTables(n: HtmlNode, out: HtmlNode[]): void {
  for (const c of children(n)) {
    if (c.tagName === "table") out.push(c);
    else collectTables(c, out);
  }
}

function rowsOf(table: HtmlNode): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const c of children(table)) {
    if (c.tagName === "tr") out.push(c);
    else if (c.tagName === "thead" || c.tagName === "tbody" || c.tagName === "tfoot") out.push(...children(c).filter((r) => r.tagName === "tr"));
  }
  return out;
}

/** Converts one HTML table to rows on a grid, repeating vertically merged cells (rowspan) as covered cells. */
function readTable(table: HtmlNode, label: string, counter: LimitCounter): SourceTable {
  const rows: SourceRow[] = [];
  // Column position → cell still covering it from a row above, and for how many more rows.
  const pending = new Map<number, { cell: SourceCell; left: number }>();
  rowsOf(table).forEach((tr, i) => {
    const place = { table: label, row: i + 1 };
    counter.row(place);
    const cells: SourceCell[] = [];
    let col = 0;
    const take = () => {
      for (;;) {
        const p = pending.get(col);
        if (!p) return;
        cells.push({ ...p.cell, covered: true });
        col += p.cell.span;
        if (--p.left === 0) pending.delete(col - p.cell.span);
      }
    };
    for (const td of children(tr).filter((c) => c.tagName === "td" || c.tagName === "th")) {
      take();
      counter.cell(place);
      const span = Math.max(1, Number(attr(td, "colspan") ?? 1) || 1);
      if (span > MAX_COLUMNS) throw spanTooWide(place, span);
      if (col + span > MAX_COLUMNS) throw rowTooWide(place, col + span);
      const buf = { lines: [] as string[], bullets: [] as boolean[] };
      cellLines(td, buf);
      const cell = cellFromLines(buf.lines, { bullets: buf.bullets, span });
      const rowspan = Math.max(1, Number(attr(td, "rowspan") ?? 1) || 1);
      if (rowspan > 1) pending.set(col, { cell, left: rowspan - 1 });
      cells.push(cell);
      col += span;
    }
    take();
    if (col > MAX_COLUMNS) throw rowTooWide(place, col);
    rows.push({ number: i + 1, cells });
  });
  return { label, rows };
}

/** Paragraphs before the first table that are read as the document's opening lines (where a title often is). */
const OPENING_LINES = 3;

/**
 * The document's title (Title style), headings (Heading 1–6) and its first lines before the first table, outside
 * tables, in order: where a plan names its years ("Equality Objectives and Action Plan 2023-2027").
 */
function documentTexts(root: HtmlNode): DocumentText[] {
  const out: DocumentText[] = [];
  let opening = 0;
  let seenTable = false;
  const walk = (n: HtmlNode) => {
    for (const c of children(n)) {
      if (c.tagName === "table") {
        seenTable = true;
        continue;
      }
      const text = /^h[1-6]$/.test(c.tagName ?? "") || c.tagName === "p" ? textOf(c).replace(/\s+/g, " ").trim() : "";
      if (text && /^h[1-6]$/.test(c.tagName ?? "")) out.push({ text, where: attr(c, "class") === "title" ? "the document's title" : "a heading" });
      else if (text && !seenTable && opening < OPENING_LINES) {
        opening++;
        out.push({ text, where: "the document's opening lines" });
      } else if (!text) walk(c);
    }
  };
  walk(root);
  return out;
}

/** Tables, and the texts that may name the plan's period. */
export async function readDocx(bytes: Uint8Array): Promise<{ tables: SourceTable[]; texts: DocumentText[] }> {
  // Node's mammoth reads `buffer`, the browser build reads `arrayBuffer`: give both.
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const input = { buffer: bytes, arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const noImages = mammoth.images.imgElement(async () => ({ src: "" }));
  const { value: html } = await mammoth.convertToHtml(input, {
    externalFileAccess: false,
    convertImage: noImages,
    // Word's Title style is where a plan's name (and often its years) is written.
    styleMap: ["p[style-name='Title'] => h1.title:fresh"],
  });
  const root = parseFragment(html) as unknown as HtmlNode;
  const tables: HtmlNode[] = [];
  collectTables(root, tables);
  const counter = new LimitCounter();
  return {
    tables: tables.map((t, i) => {
      counter.table({ table: `Table ${i + 1}` });
      return readTable(t, `Table ${i + 1}`, counter);
    }),
    texts: documentTexts(root),
  };
}

export const readDocxTables = async (bytes: Uint8Array): Promise<SourceTable[]> => (await readDocx(bytes)).tables;

/**
 * Test helper: reads a .docx back the way Word would see it (unzip with jszip, parse word/document.xml with
 * fast-xml-parser), so tests check the file on disk and never the generator's own objects.
 */
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

export interface DocParagraph {
  kind: "p";
  /** Paragraph style id ("Title", "Heading1"...), or null for the default style. */
  style: string | null;
  text: string;
  bullet: boolean;
}
export interface DocTable {
  kind: "tbl";
  /** The grid's column widths in twips (w:tblGrid/w:gridCol), and whether the layout is fixed (Word keeps them). */
  gridCols: number[];
  fixedLayout: boolean;
  /** Index into DocxContent.sections of the section the table is in. */
  section: number;
  /** Each row: its cells' texts (paragraphs joined with "\n"). */
  rows: string[][];
  /** Per row: whether it is marked as a header row (w:tblHeader), which Word repeats and screen readers announce. */
  headerRows: boolean[];
}
export type DocBlock = DocParagraph | DocTable;

/** A section's page (w:sectPr): orientation, size and left/right margins in twips. */
export interface DocSection {
  orient: string;
  width: number;
  height: number;
  left: number;
  right: number;
}

export interface DocxContent {
  blocks: DocBlock[];
  sections: DocSection[];
  coreXml: string;
  stylesXml: string;
  numberingXml: string;
  documentXml: string;
}

const tag = (n: Node): string => Object.keys(n).find((k) => k !== ":@") ?? "";
const kids = (n: Node): Node[] => (n[tag(n)] as Node[]) ?? [];

function runText(nodes: Node[]): string {
  let out = "";
  for (const n of nodes) {
    const t = tag(n);
    if (t === "#text") out += String(n["#text"]);
    else if (t === "w:br") out += "\n";
    else if (t === "w:tab") out += "\t";
    else out += runText(kids(n));
  }
  return out;
}

function paragraph(p: Node): DocParagraph {
  let style: string | null = null;
  let bullet = false;
  let text = "";
  for (const c of kids(p)) {
    if (tag(c) === "w:pPr") {
      for (const pp of kids(c)) {
        if (tag(pp) === "w:pStyle") style = pp[":@"]?.["@_w:val"] ?? null;
        if (tag(pp) === "w:numPr") bullet = true;
      }
    } else text += runText([c]);
  }
  return { kind: "p", style, text, bullet };
}

const attr = (n: Node | undefined, name: string) => n?.[":@"]?.[`@_w:${name}`];
const child = (n: Node | undefined, name: string) => (n ? kids(n).find((k) => tag(k) === name) : undefined);

function section(sectPr: Node): DocSection {
  const pgSz = child(sectPr, "w:pgSz");
  const pgMar = child(sectPr, "w:pgMar");
  return {
    orient: attr(pgSz, "orient") ?? "portrait",
    width: Number(attr(pgSz, "w")),
    height: Number(attr(pgSz, "h")),
    left: Number(attr(pgMar, "left")),
    right: Number(attr(pgMar, "right")),
  };
}

function table(t: Node, sectionIndex: number): DocTable {
  const rows: string[][] = [];
  const headerRows: boolean[] = [];
  for (const tr of kids(t).filter((n) => tag(n) === "w:tr")) {
    const trPr = kids(tr).find((n) => tag(n) === "w:trPr");
    headerRows.push(Boolean(trPr && kids(trPr).some((n) => tag(n) === "w:tblHeader")));
    rows.push(
      kids(tr)
        .filter((n) => tag(n) === "w:tc")
        .map((tc) =>
          kids(tc)
            .filter((n) => tag(n) === "w:p")
            .map((p) => paragraph(p).text)
            .join("\n"),
        ),
    );
  }
  const tblPr = child(t, "w:tblPr");
  const gridCols = kids(child(t, "w:tblGrid") ?? { "w:tblGrid": [] })
    .filter((n) => tag(n) === "w:gridCol")
    .map((n) => Number(attr(n, "w")));
  return { kind: "tbl", rows, headerRows, gridCols, fixedLayout: attr(child(tblPr, "w:tblLayout"), "type") === "fixed", section: sectionIndex };
}

export async function readDocx(bytes: Uint8Array | Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = await zip.file("word/document.xml")!.async("string");
  const coreXml = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
  const stylesXml = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  const numberingXml = (await zip.file("word/numbering.xml")?.async("string")) ?? "";
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false });
  const root = parser.parse(documentXml) as Node[];
  const doc = root.find((n) => tag(n) === "w:document")!;
  const body = kids(doc).find((n) => tag(n) === "w:body")!;
  const blocks: DocBlock[] = [];
  const sections: DocSection[] = [];
  // A section's properties sit in its last paragraph (w:pPr/w:sectPr), the last section's at the end of the body.
  for (const n of kids(body)) {
    if (tag(n) === "w:p") {
      blocks.push(paragraph(n));
      const sectPr = child(child(n, "w:pPr"), "w:sectPr");
      if (sectPr) sections.push(section(sectPr));
    } else if (tag(n) === "w:tbl") blocks.push(table(n, sections.length));
    else if (tag(n) === "w:sectPr") sections.push(section(n));
  }
  return { blocks, sections, coreXml, stylesXml, numberingXml, documentXml };
}

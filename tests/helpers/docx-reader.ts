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
  /** Each row: its cells' texts (paragraphs joined with "\n"). */
  rows: string[][];
  /** Per row: whether it is marked as a header row (w:tblHeader), which Word repeats and screen readers announce. */
  headerRows: boolean[];
}
export type DocBlock = DocParagraph | DocTable;

export interface DocxContent {
  blocks: DocBlock[];
  coreXml: string;
  stylesXml: string;
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

function table(t: Node): DocTable {
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
  return { kind: "tbl", rows, headerRows };
}

export async function readDocx(bytes: Uint8Array | Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = await zip.file("word/document.xml")!.async("string");
  const coreXml = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
  const stylesXml = (await zip.file("word/styles.xml")?.async("string")) ?? "";
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false });
  const root = parser.parse(documentXml) as Node[];
  const doc = root.find((n) => tag(n) === "w:document")!;
  const body = kids(doc).find((n) => tag(n) === "w:body")!;
  const blocks: DocBlock[] = [];
  for (const n of kids(body)) {
    if (tag(n) === "w:p") blocks.push(paragraph(n));
    else if (tag(n) === "w:tbl") blocks.push(table(n));
  }
  return { blocks, coreXml, stylesXml, documentXml };
}

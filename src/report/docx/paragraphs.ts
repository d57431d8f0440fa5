/**
 * People's text as Word paragraphs, always as text runs (nothing is read as markup). The plan's text conventions:
 * a blank line separates paragraphs, a line break stays a line break, and lines starting "• " are a bulleted list
 * (made a real list, which screen readers announce as one). Each helper also returns the words it placed, by
 * weight, so tables can measure them (table.ts).
 */
import { HeadingLevel, Paragraph, TextRun } from "docx";
import type { Cell } from "./table.ts";

export const text = (t: string, opts: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: t, bold: opts.bold, italics: opts.italics });

const BULLET = /^\s*•\s*/;

/**
 * `t` as paragraphs and list items. `lead` (a paragraph number such as "2.10") starts the first paragraph and
 * `mark` (bold) ends it; `bulletLevel` is the list level of "• " lines (1 nests them under a list item).
 */
export function richParagraphs(t: string, opts: { lead?: string; mark?: string; bulletLevel?: number } = {}): Paragraph[] {
  const out: Paragraph[] = [];
  let lead = opts.lead ? `${opts.lead} ` : "";
  let mark = opts.mark ? ` ${opts.mark}` : "";
  for (const block of t.split(/\n\s*\n/)) {
    let lines: string[] = [];
    const flush = () => {
      if (lines.length === 0) return;
      const runs = lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
      out.push(new Paragraph({ children: [...(lead ? [text(lead, { bold: true })] : []), ...runs, ...(mark ? [text(mark, { bold: true })] : [])] }));
      lead = "";
      mark = "";
      lines = [];
    };
    for (const raw of block.split("\n")) {
      const line = raw.trim();
      if (line === "") continue;
      if (BULLET.test(line)) {
        flush();
        out.push(new Paragraph({ bullet: { level: opts.bulletLevel ?? 0 }, children: [text(line.replace(BULLET, ""))] }));
      } else lines.push(line);
    }
    flush();
  }
  return out;
}

/** richParagraphs as a table cell. */
export function richCell(t: string, opts: { lead?: string } = {}): Cell {
  return { children: richParagraphs(t, opts), regular: t, bold: opts.lead ?? "" };
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

/** A heading at `level` (1-4); deeper levels stay at Heading 4 rather than fall back to body text. */
export function heading(level: number, t: string): Paragraph {
  return new Paragraph({ heading: HEADINGS[Math.min(Math.max(level, 1), HEADINGS.length) - 1], children: [text(t)] });
}

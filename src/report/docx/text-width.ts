/**
 * How wide text is in Arial, so that Word tables get column widths that keep every word whole. Word breaks a word
 * across lines only when the word alone is wider than its column; the committee report's summary table did exactly
 * that in portrait ("Develo-ped"). Widths are Arial's advance widths in thousandths of an em (the same as
 * Helvetica's published metrics, which Arial was drawn to match), for the printable ASCII range; other characters
 * take a full em, which can only over-estimate and so never breaks a word.
 */

// Advance widths of " " (32) to "~" (126), regular and bold.
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584,
  556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278,
  469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260,
  334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584,
  611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333,
  584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280,
  389, 584,
];
/** Common typography outside ASCII: dashes, quotes, bullet, ellipsis, pound sign. */
const OTHER: Record<string, [number, number]> = {
  "–": [556, 556],
  "—": [1000, 1000],
  "‘": [222, 278],
  "’": [222, 278],
  "“": [333, 500],
  "”": [333, 500],
  "•": [350, 350],
  "…": [1000, 1000],
  "£": [556, 556],
  "é": [556, 556],
};

export const TWIPS_PER_POINT = 20;

/** Width of `text` on one line, in twips, at `sizePt` points. */
export function textWidth(text: string, sizePt: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 32 && code <= 126) units += (bold ? BOLD : REGULAR)[code - 32];
    else units += OTHER[ch]?.[bold ? 1 : 0] ?? 1000;
  }
  return Math.ceil((units * sizePt * TWIPS_PER_POINT) / 1000);
}

/** The widest single word of `text` (the narrowest a column can be without breaking it), in twips. */
export function widestWord(text: string, sizePt: number, bold = false): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) if (word) widest = Math.max(widest, textWidth(word, sizePt, bold));
  return widest;
}

/** The widest line of `text` set without wrapping, in twips: what a column would need to wrap nothing. */
export function widestLine(text: string, sizePt: number, bold = false): number {
  let widest = 0;
  for (const line of text.split("\n")) widest = Math.max(widest, textWidth(line.trim(), sizePt, bold));
  return widest;
}

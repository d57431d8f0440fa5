/**
 * The seed documents, for the checks of the seed against them, and the few ways of reading their extracted text.
 *
 * The documents are not part of the repo, and the tests look nowhere outside it on their own: EAP_SEED_DOCS names
 * the folder (.ci/run sets it to the folder CI supplies). Without it the checks against the documents are skipped
 * and say so; everything else still runs.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe } from "vitest";

const SEEDS_DIR = process.env.EAP_SEED_DOCS ? pathToFileURL(`${process.env.EAP_SEED_DOCS.replace(/\/+$/, "")}/`) : null;
export const SEEDS_PRESENT = SEEDS_DIR !== null && existsSync(fileURLToPath(SEEDS_DIR));
if (!SEEDS_PRESENT) {
  console.warn(
    SEEDS_DIR
      ? `NOT RUN: the checks of the seeded plan against the seed documents (no folder ${fileURLToPath(SEEDS_DIR)}).`
      : "NOT RUN: the checks of the seeded plan against the seed documents (set EAP_SEED_DOCS to the documents' folder to run them).",
  );
}
export const describeWithDocs = describe.skipIf(!SEEDS_PRESENT);

/** The text of the seed document whose file name starts with `prefix` ("004_"); "" when the documents are absent. */
export function seedDoc(prefix: string): string {
  if (!SEEDS_PRESENT || !SEEDS_DIR) return "";
  const dir = fileURLToPath(SEEDS_DIR);
  const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!name) throw new Error(`Seed document ${prefix}*.txt not found in ${dir}`);
  return readFileSync(new URL(name, SEEDS_DIR), "utf8");
}

/** Whitespace runs to one space; bullet glyphs and the extraction's hyperlink markup ("[words](#)") to plain text. */
export const norm = (s: string) =>
  s
    .replace(/\[([^\]]+)\]\(#\)/g, "$1")
    .replace(/[\uf0b7•]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Cells of an extracted table: the text between tabs and line breaks, bullets stripped. */
export const cellsOf = (doc: string) =>
  doc
    .split(/[\t\n]/)
    .map((c) => norm(c))
    .filter((c) => c.length > 0);

/**
 * Finds `text` as whole table cells in document order (a wrapped cell is extracted as several line fragments
 * with other columns in between): returns the index of the first cell used, or -1.
 */
export function findAsCells(text: string, cells: string[], maxPieces = 6, window = 16): number {
  const target = norm(text);
  const rest = (remaining: string, from: number, pieces: number): boolean => {
    if (remaining === "") return true;
    if (pieces === maxPieces) return false;
    for (let k = from; k < Math.min(cells.length, from + window); k++) {
      const c = cells[k];
      if (remaining === c) return true;
      if (remaining.startsWith(`${c} `) && rest(remaining.slice(c.length + 1), k + 1, pieces + 1)) return true;
    }
    return false;
  };
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (target === c || (target.startsWith(`${c} `) && rest(target.slice(c.length + 1), i + 1, 1))) return i;
  }
  return -1;
}

/**
 * As findAsCells, for text that shares its first and last cell with other text: the first piece may be the end of a
 * cell and the last the start of one (a column whose text runs on from one item to the next, as 004's commitments).
 */
export function findAcrossCells(text: string, cells: string[], maxPieces = 8, window = 16): number {
  const target = norm(text);
  const rest = (remaining: string, from: number, pieces: number): boolean => {
    if (pieces === maxPieces) return false;
    for (let k = from; k < Math.min(cells.length, from + window); k++) {
      const c = cells[k];
      if (remaining === c || c.startsWith(`${remaining} `)) return true;
      if (remaining.startsWith(`${c} `) && rest(remaining.slice(c.length + 1), k + 1, pieces + 1)) return true;
    }
    return false;
  };
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const starts = [0, ...[...c.matchAll(/ /g)].map((m) => (m.index ?? 0) + 1)];
    for (const s of starts) {
      const tail = c.slice(s);
      if (target === tail || tail.startsWith(`${target} `)) return i;
      if (target.startsWith(`${tail} `) && rest(target.slice(tail.length + 1), i + 1, 1)) return i;
    }
  }
  return -1;
}

/** The pieces of a seeded text that must each be verbatim in its document: split at " […] " gaps and lines. */
export const verbatimPieces = (text: string) =>
  text
    .split(/ \[…\] |\n+/)
    .map((p) => norm(p.replace(/ \[…\]$/, "")))
    .filter(Boolean);

/** A role's section of 004 or 001, from its "As a <role>" heading to the next role heading. */
export function roleSection(doc: string, role: "Community Leader" | "Employer" | "Service Provider"): string {
  const headings = [...doc.matchAll(/^As an? (Community Leader|Employer|Service Provider)\s*$/gm)];
  const at = headings.findIndex((m) => m[1] === role);
  if (at < 0) throw new Error(`No "As a ${role}" heading`);
  return doc.slice(headings[at].index, headings[at + 1]?.index ?? doc.length);
}

/**
 * 001's "Actions" of one role section, as 001 lists them: each "We will …" paragraph, with the "- " sub-items
 * that follow it as "• " lines.
 */
export function actionsOf001(section: string): string[] {
  const start = section.indexOf("\nActions\n");
  const end = section.search(/\n(Outcomes|Measures)\n/);
  const items: string[] = [];
  for (const raw of section.slice(start + 9, end).split("\n")) {
    const line = raw.trim();
    if (line.startsWith("We will")) items.push(line);
    else if (line.startsWith("- ")) items[items.length - 1] += `\n• ${line.slice(2)}`;
    else if (line) items[items.length - 1] += ` ${line}`;
  }
  return items;
}

/** 000's bulleted progress items, paragraphs 2.10 to 2.11, in order ("- " lines that are not numbered paragraphs). */
export function progressBullets000(doc: string): string[] {
  const part = doc.slice(doc.indexOf("2.10 "), doc.indexOf("Looking Forward"));
  return part
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.startsWith("- ") && !/^- \d+\.\d+ /.test(l))
    .map((l) => norm(l.slice(2)));
}

/** A numbered paragraph of 000's body ("2.12"), normalised, without its number. */
export function paragraph000(doc: string, number: string): string {
  const at = doc.indexOf(`${number} `);
  if (at < 0) throw new Error(`No paragraph ${number}`);
  const line = doc.slice(at + number.length + 1).split("\n")[0];
  return norm(line);
}

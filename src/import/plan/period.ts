/**
 * The plan's period: as given; else inferred from the plan's name ("… 2023-2027"); else from the document — its
 * title and headings, its opening lines, or the title rows above the first table's header. The result says which,
 * so the preview can show what was inferred and from where. When the document names different periods in those
 * places, nothing is guessed: the person is asked to give it.
 */
import { parsePeriod } from "../../domain/dates.ts";
import type { DocumentText } from "../read/table-model.ts";
import type { ImportPeriod, ImportProblem } from "../types.ts";
import { short } from "./text.ts";

/** "2023-2027", "2023–27", "2023 to 2027", "2023/27"; not a date such as 2024-06-15. */
const YEARS = /(?<![\d/-])((?:19|20)\d{2})\s*(?:[-–—/]|\bto\b)\s*((?:19|20)?\d{2})(?![\d/-])/gi;

/** Every period a text names, in its canonical form ("2023-2027"), in order, each once. */
export function periodsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(YEARS)) {
    try {
      const p = parsePeriod(`${m[1]}-${m[2]}`);
      const value = `${p.startYear}-${p.endYear}`;
      if (!out.includes(value)) out.push(value);
    } catch {
      // Years that make no period ("2027-2023", more than the longest period): not a period.
    }
  }
  return out;
}

const noPeriod = (message: string, value = ""): { period: null; problems: ImportProblem[]; notes: string[] } => ({
  period: null,
  problems: [{ reason: "bad-plan", place: {}, value, message }],
  notes: [],
});

const quoted = (t: DocumentText) => `${t.where} ("${short(t.text.replace(/\s+/g, " "), 60)}")`;

export function choosePeriod(given: string | undefined, planName: string, texts: readonly DocumentText[]): { period: ImportPeriod | null; problems: ImportProblem[]; notes: string[] } {
  const notes: string[] = [];
  if (given?.trim()) {
    const raw = given.trim();
    try {
      const p = parsePeriod(raw);
      return { period: { value: `${p.startYear}-${p.endYear}`, source: "given", where: "as given" }, problems: [], notes };
    } catch (e) {
      return noPeriod((e as Error).message, raw);
    }
  }

  const found = texts.flatMap((t) => periodsIn(t.text).map((value) => ({ value, t })));
  const fromName = periodsIn(planName);
  if (fromName.length > 1) return noPeriod(`The plan's name names more than one period (${fromName.join(", ")}); give the period (--period ${fromName[0]}).`, short(planName));
  if (fromName.length === 1) {
    const other = found.find((f) => f.value !== fromName[0]);
    if (other) notes.push(`The document names ${other.value} in ${quoted(other.t)}; the period ${fromName[0]} is taken from the plan's name.`);
    return { period: { value: fromName[0], source: "plan-name", where: "the plan's name" }, problems: [], notes };
  }

  if (found.length === 0)
    return noPeriod(
      "No period was given, and neither the plan's name nor the document's title, headings or opening lines name the plan's years (such as 2023-2027). Give the period (--period 2023-2027).",
    );
  const [first] = found;
  const other = found.find((f) => f.value !== first.value);
  if (other)
    return noPeriod(`The document names more than one period: ${first.value} in ${quoted(first.t)} and ${other.value} in ${quoted(other.t)}. Give the period (--period ${first.value}).`);
  return { period: { value: first.value, source: "document", where: quoted(first.t) }, problems: [], notes };
}

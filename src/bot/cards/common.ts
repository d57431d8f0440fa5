/**
 * Shared pieces of the bot's Adaptive Cards (schema 1.5, Universal Actions). Cards are plain JSON built by pure
 * functions. Text from people (or from SharePoint, which people write) goes in through ONE helper, `said()`, as a
 * TextRun of a RichTextBlock: TextRuns never render markdown, so a `[link](…)` stays text, and a written `<at>`
 * tag is broken so it cannot become a mention. TextBlocks (which render markdown) carry our own words only.
 * Meaning is never carried by colour alone (each status is also written out).
 */
export type Card = Record<string, unknown> & { type: "AdaptiveCard"; version: "1.5"; body: unknown[] };
export type Element = Record<string, unknown>;

export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
/** Card data carries this so that a card from an older bot version is recognised and answered plainly. */
export const CARD_DATA_VERSION = 1;
/**
 * Card data names at most this many actions whose history the card showed (the sources of its carried actions), so
 * that a press reads them in its one $batch and the refreshed card keeps showing it.
 */
export const MAX_HISTORY_SOURCES = 60;
/**
 * Card data names at most this many figures, and as many EqIAs, that the card showed (it shows six of each), so that
 * a press reads them again in its one $batch and the refreshed card keeps those still due.
 */
export const MAX_CARD_MEASURES = 20;

/**
 * What every Action.Execute of a digest card carries besides its own data: the actions whose history it showed,
 * its figures as [indicator id, action id] (the action is read with them: it decides whether the figure is still
 * due and whether the presser may give it), and its EqIAs. Only hints of what to read; each empty one is left out.
 */
export interface CardCarry {
  history?: number[];
  figures?: Array<[number, number]>;
  reviews?: number[];
}

export const VERBS = {
  addUpdate: "eap.addUpdate",
  complete: "eap.complete",
  proposeDate: "eap.proposeDate",
  snooze: "eap.snooze",
  /** An indicator's value from the digest's "Figures due" form. */
  recordValue: "eap.recordValue",
  refresh: "eap.refresh",
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];
export const KNOWN_VERBS: readonly string[] = Object.values(VERBS);

export function card(body: unknown[], extra: Record<string, unknown> = {}): Card {
  return { type: "AdaptiveCard", $schema: CARD_SCHEMA, version: "1.5", body, ...extra };
}

export function text(value: string, opts: Record<string, unknown> = {}): Element {
  return { type: "TextBlock", text: value, wrap: true, ...opts };
}

export function heading(value: string, level = 2): Element {
  // style "heading" makes screen readers announce it as a heading.
  return { type: "TextBlock", text: value, wrap: true, style: "heading", size: level <= 1 ? "Large" : "Medium", weight: "Bolder" };
}

/** A run of a RichTextBlock: shown exactly as its text says (Adaptive Cards: "Markdown is not supported"). */
export type Run = Element & { type: "TextRun"; text: string };
/** What a line says: our own words (strings) and people's text (runs made by `said`). */
export type Said = string | Run;

/** Our own words as a run (bold labels, for instance). */
export function run(value: string, opts: Record<string, unknown> = {}): Run {
  return { type: "TextRun", text: value, ...opts };
}

/**
 * THE way people's text enters a card: as written, cut at `max` characters, with any `<at>` tag broken by a
 * zero-width space (Teams would otherwise treat `<at>Name</at>` as a mention). Used for every value that came
 * from a person or from SharePoint: names, references, action texts, updates, reasons.
 */
export function said(value: string, max = 400, opts: Record<string, unknown> = {}): Run {
  const flat = value.replace(/\r\n?/g, "\n").trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return run(cut.replace(/<(\/?at)\b/gi, "<\u200B$1"), opts);
}

/** A paragraph of runs. Nothing in it is read as markdown, whoever wrote it. */
export function line(parts: readonly Said[], opts: Record<string, unknown> = {}): Element {
  return { type: "RichTextBlock", inlines: parts.filter((p) => p !== "").map((p) => (typeof p === "string" ? run(p) : p)), ...opts };
}

/** "Label: value" as one line, the label in bold (what a FactSet row said, without its markdown). */
export function labelled(label: Said, value: readonly Said[]): Element {
  const bold = typeof label === "string" ? run(label, { weight: "Bolder" }) : { ...label, weight: "Bolder" };
  return line([bold, ": ", ...value], { spacing: "None" });
}

/** A teams-js free deep link or the standalone tab URL. */
export function openUrl(title: string, url: string): Element {
  return { type: "Action.OpenUrl", title, url };
}

export function attachment(c: Card): { contentType: string; content: Card } {
  return { contentType: CARD_CONTENT_TYPE, content: c };
}

/** Teams user MRI from an Entra object id, as refresh.userIds expects. */
export function userMri(objectId: string): string {
  return `8:orgid:${objectId}`;
}

/**
 * Teams counts a message's size in UTF-16 (about 100 KB at most, 413 MessageSizeTooBig beyond): a card's JSON is
 * measured the same way, two bytes per UTF-16 code unit. Our cards aim under 40 KB, well clear of the limit.
 */
export const CARD_UTF16_BUDGET_BYTES = 40_000;
export function utf16Bytes(value: unknown): number {
  return JSON.stringify(value).length * 2;
}

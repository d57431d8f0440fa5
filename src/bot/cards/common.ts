/**
 * Shared pieces of the bot's Adaptive Cards (schema 1.5, Universal Actions). Cards are plain JSON built by pure
 * functions: everything people typed goes in as TextBlock text (Adaptive Cards render it as text, never as HTML),
 * and meaning is never carried by colour alone (each status is also written out).
 */
export type Card = Record<string, unknown> & { type: "AdaptiveCard"; version: "1.5"; body: unknown[] };
export type Element = Record<string, unknown>;

export const CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
/** Card data carries this so that a card from an older bot version is recognised and answered plainly. */
export const CARD_DATA_VERSION = 1;

export const VERBS = {
  addUpdate: "eap.addUpdate",
  complete: "eap.complete",
  proposeDate: "eap.proposeDate",
  snooze: "eap.snooze",
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

export function facts(pairs: Array<[string, string]>): Element {
  return { type: "FactSet", facts: pairs.map(([title, value]) => ({ title, value })) };
}

/** Text from people is shown as written; Adaptive Card TextBlocks interpret a little markdown, so neutralise it. */
export function plain(value: string, max = 400): string {
  const flat = value.replace(/\r\n?/g, "\n").trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut
    .replace(/([\\`*_[\]#~|])/g, "\\$1")
    .replace(/^(\s*)(\d+)\./gm, "$1$2\\.")
    .replace(/^(\s*)([->+])/gm, "$1\\$2");
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

/** Teams asks that a message stay under about 80 KB; cards that would grow past this are trimmed. */
export const CARD_BYTES_BUDGET = 60_000;
export function cardBytes(c: Card): number {
  return Buffer.byteLength(JSON.stringify(c), "utf8");
}

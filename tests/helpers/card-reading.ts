/**
 * Reading the cards the bot sends, as a person (or Teams) would: the card of a message, its buttons, the text it
 * shows, and the part of that text Teams renders as markdown.
 */
import type { CaptureServer } from "./capture-server.ts";

type Node = Record<string, unknown>;

/**
 * Every element of a card `pick` takes, in order. `pick` answers true (take it, look inside), false (look inside
 * only), "leaf" (take it, not what is inside) or "prune" (neither).
 */
export function elementsOf(card: unknown, pick: (o: Node) => boolean | "leaf" | "prune" = () => true): Node[] {
  const out: Node[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === "object") {
      const o = n as Node;
      const p = pick(o);
      if (p === true || p === "leaf") out.push(o);
      if (p === true || p === false) Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The Adaptive Card of a captured message. */
export function cardOf(activity: Node): Node {
  const att = (activity.attachments as Array<{ contentType: string; content: Node }>)?.[0];
  if (att?.contentType !== "application/vnd.microsoft.card.adaptive") throw new Error("no adaptive card in the activity");
  return att.content;
}

/** Every Action.Execute anywhere in a card but its refresh. */
export function executeActions(card: unknown): Array<{ verb: string; data: Node; title: string }> {
  const refresh = (card as Node).refresh;
  return elementsOf(card, (o) => (o === refresh ? "prune" : o.type === "Action.Execute")).map((o) => ({ verb: String(o.verb), data: o.data as Node, title: String(o.title) }));
}

/** Reminder digests delivered to a conversation (not the bot's answers to messages). */
export function digestsTo(capture: CaptureServer, conversationId: string) {
  return capture.sentTo(conversationId).filter((d) => d.activity.summary === "Your equality actions due");
}

export function actionIdsOnCard(card: unknown): number[] {
  return [...new Set(executeActions(card).map((a) => Number(a.data.actionId)))].sort((a, b) => a - b);
}

const isText = (o: Node) => o.type === "TextBlock" || o.type === "RichTextBlock" || o.type === "FactSet";

/** What a card shows, one line per block: TextBlocks, RichTextBlocks (their runs joined) and FactSet rows. */
export function allText(card: unknown): string {
  return elementsOf(card, (o) => (isText(o) ? "leaf" : false))
    .flatMap((o) => {
      if (o.type === "TextBlock") return [String(o.text)];
      if (o.type === "RichTextBlock") return [(o.inlines as Array<{ text: string }>).map((r) => r.text).join("")];
      return (o.facts as Array<{ title: string; value: string }>).map((f) => `${f.title}: ${f.value}`);
    })
    .join("\n");
}

/**
 * Text of a card where Teams renders markdown (TextBlock text, FactSet titles and values): a link or a mention
 * found here is live. Text inside a RichTextBlock's TextRuns is shown as written and is not included.
 */
export function markdownText(card: unknown): string {
  return elementsOf(card, (o) => o.type === "TextBlock" || o.type === "FactSet")
    .flatMap((o) => (o.type === "TextBlock" ? [String(o.text)] : (o.facts as Array<{ title: string; value: string }>).flatMap((f) => [f.title, f.value])))
    .join("\n");
}

/** Short answer cards: a refusal, a problem with what was submitted, or a plain notice. Pure. */
import { type Card, card, heading, line, said, text } from "./common.ts";

export type AnswerKind = "refused" | "invalid" | "conflict" | "gone" | "unknown-verb" | "error" | "info";

const TITLES: Record<AnswerKind, string> = {
  refused: "You cannot act on this action",
  invalid: "Nothing was saved",
  conflict: "This action changed since the card was sent",
  gone: "This action is no longer open",
  "unknown-verb": "This button is not recognised",
  error: "Something went wrong",
  info: "Equality Action Plan",
};

/** `lines` are our own sentences; `quoted` is text from people or SharePoint, shown as written. */
export function buildAnswerCard(kind: AnswerKind, lines: readonly string[], quoted: readonly string[] = []): Card {
  return card([
    heading(TITLES[kind]),
    ...lines.map((l) => text(l)),
    ...quoted.map((q) => line([said(q, 500, { isSubtle: true })])),
  ]);
}

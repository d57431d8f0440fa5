/**
 * What an Action.Execute of our cards carries, and the inputs Teams merges in beside it (`text-12`, `status-12`,
 * `date-12`, `reason-12`). All of it comes from the client, so it is read as untrusted: the ids say what to look at,
 * `seen` says what the card showed (so that a change the officer did not see is caught), and nothing else counts.
 * An ETag in the data (cards of earlier versions carried one) is ignored: writes use the ETag just read.
 */
import { z } from "zod";
import { CARD_DATA_VERSION, type Card, MAX_CARD_MEASURES, MAX_HISTORY_SOURCES } from "../cards/common.ts";

/** At most this many actions on one card's refresh (a card lists fewer; see cards/digest-card.ts). */
export const MAX_DIGEST = 60;

const id = z.number().int().positive();

export const seenSchema = z.object({
  status: z.string().max(40).optional(),
  due: z.string().max(40).nullable().optional(),
  lastUpdateAt: z.string().max(40).nullable().optional(),
});
export type Seen = z.infer<typeof seenSchema>;

export const cardDataSchema = z
  .object({
    v: z.literal(CARD_DATA_VERSION, { error: "this card is from an older version of the app" }),
    actionId: z.number().int().positive().optional(),
    /** Whose card it is (site user id): the answer lists that officer's actions again. */
    officer: z.number().int().positive().optional(),
    /** Cards of earlier versions listed their actions' ids instead. */
    digest: z.array(z.number().int().positive()).max(MAX_DIGEST).default([]),
    seen: seenSchema.optional(),
    /**
     * The actions whose history the card showed (the sources of its carried actions): read in the press's one
     * $batch. Only a hint of what to read: the history shown is that of an action's own `carriedFromId`.
     */
    history: z.array(z.number().int().positive()).max(MAX_HISTORY_SOURCES).default([]),
    /**
     * The figures ([indicator id, action id]) and EqIAs the card listed: read in the same $batch, so the refreshed
     * card lists those still due. Only hints: what is shown is decided from what was read (./card-measures.ts).
     */
    figures: z.array(z.tuple([id, id])).max(MAX_CARD_MEASURES).default([]),
    reviews: z.array(id).max(MAX_CARD_MEASURES).default([]),
  })
  .passthrough();
export type CardData = z.infer<typeof cardDataSchema> & Record<string, unknown>;

/** An input's value for one action (`text-12`), or "" when absent or not text. */
export function inputOf(data: CardData, name: "text" | "status" | "date" | "reason", actionId: number): string {
  const v = data[`${name}-${actionId}`];
  return typeof v === "string" ? v : "";
}

/** Puts back what the person typed (so a conflict or a mistake loses nothing). */
export function applyPrefill(card: Card, values: Record<string, string>): Card {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === "object") {
      const o = { ...(node as Record<string, unknown>) };
      if (typeof o.id === "string" && String(o.type).startsWith("Input.") && values[o.id] !== undefined) o.value = values[o.id];
      for (const k of Object.keys(o)) if (k !== "data") o[k] = walk(o[k]);
      return o;
    }
    return node;
  };
  return walk(card) as Card;
}

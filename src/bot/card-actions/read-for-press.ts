/**
 * Everything a button press needs to know, in ONE $batch request: who pressed (their conversation reference,
 * for the UPN), the EDI group, and the card's actions as they are now. Authorization, the "did they see it"
 * check and the refreshed card all work from this read; the write that follows uses the ETags it returned.
 */
import type { ActionRecord } from "../../data/actions/index.ts";
import { getConversationByUserId } from "../../data/conversations/index.ts";
import { DataError, type EdiGroup, getAction, getEdiGroup, settleBatch, toDataError } from "../../data/index.ts";
import type { ConversationRef } from "../../domain/types.ts";
import type { BotContext } from "../context.ts";

export interface PressContext {
  /** The presser's saved conversation reference (null: never captured). */
  ref: ConversationRef | null;
  ediGroup: EdiGroup;
  /** The card's actions that still exist, by id. */
  actions: Map<number, ActionRecord>;
}

/** One part per action plus two: 62 at most, under SharePoint's 100 per $batch, so one HTTP request. */
const PARTS_PER_REQUEST = 100;

export async function readForPress(ctx: BotContext, objectId: string, actionIds: readonly number[]): Promise<PressContext> {
  const ids = [...new Set(actionIds)];
  const [refPart, groupPart, ...actionParts] = await settleBatch<unknown>(
    ctx.sp,
    (b) => [objectId ? getConversationByUserId(b, objectId) : Promise.resolve(null), getEdiGroup(b), ...ids.map((id) => getAction(b, id))],
    PARTS_PER_REQUEST,
  );
  if (!refPart.ok) throw toDataError(refPart.error, "Reading who pressed the button");
  if (!groupPart.ok) throw toDataError(groupPart.error, "Reading the EDI group");
  const actions = new Map<number, ActionRecord>();
  actionParts.forEach((p, i) => {
    if (p.ok) actions.set(ids[i], p.value as ActionRecord);
    // An action deleted since the card was sent is simply left out; anything else is a real failure.
    else if (!(p.error instanceof DataError && p.error.reason === "not-found")) throw toDataError(p.error, `Reading action ${ids[i]}`);
  });
  return { ref: refPart.value as ConversationRef | null, ediGroup: groupPart.value as EdiGroup, actions };
}

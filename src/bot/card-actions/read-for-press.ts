/**
 * Everything a button press needs to know, in ONE $batch request: who pressed (their conversation reference, for
 * the UPN), the EDI group, the pressed action as it is now, the card's other actions (the officer's own actions, by
 * the indexed Owner column; or, on cards of earlier versions, the ids they listed), the actions whose history the
 * card showed (by the always-indexed Id), so that the refreshed card shows carried actions' history too, and for a
 * value press the indicator and its values. Authorization, the "did they see it" check and the refreshed card all
 * work from this read; the write that follows uses the ETag it returned. The figures and EqIAs the card listed are
 * read in the same $batch (by id, with the figures' actions), so the refreshed card lists those still due.
 */
import type { ActionRecord } from "../../data/actions/index.ts";
import { getConversationByUserId } from "../../data/conversations/index.ts";
import {
  DataError,
  type EdiGroup,
  type EqiaRecord,
  getAction,
  getActionsByIds,
  getEdiGroup,
  getEqiasByIds,
  getIndicator,
  getIndicatorsByIds,
  getIndicatorValuesOnce,
  getMyActions,
  type IndicatorRecord,
  type IndicatorValueRecord,
  settleBatch,
  toDataError,
} from "../../data/index.ts";
import type { ConversationRef } from "../../domain/types.ts";
import type { BotContext } from "../context.ts";

export interface PressContext {
  /** The presser's saved conversation reference (null: never captured). */
  ref: ConversationRef | null;
  ediGroup: EdiGroup;
  /** The pressed action, when there is one and it still exists. */
  pressed?: ActionRecord;
  /** The indicator a value press is for (null: not one of the action's, or gone), and its values (null: unread). */
  indicator?: IndicatorRecord | null;
  indicatorValues?: IndicatorValueRecord[] | null;
  /** The card's actions as they are now (the officer's own, or those listed). */
  card: ActionRecord[];
  /** Actions by id: the card's, and those read by id for it (history sources, the figures' actions). */
  sources: Map<number, ActionRecord>;
  /** The figures' indicators and the EqIAs the card listed, as they are now (the gone left out; [] when unread). */
  indicators: IndicatorRecord[];
  eqias: EqiaRecord[];
}

export interface PressRead {
  objectId: string;
  actionId?: number;
  /** Whose card it is (site user id). */
  officerId?: number;
  /** Cards of earlier versions list their actions instead. */
  digestIds: readonly number[];
  /** The actions whose history the card showed (at most 60: two parts of 40 ids). */
  historyIds: readonly number[];
  /** A value press: its indicator, read in the same $batch. */
  indicatorId?: number;
  /** The figures ([indicator id, action id]) and EqIAs the card listed (at most 20 each: one part each, and the actions with the history's). */
  figures: ReadonlyArray<readonly [number, number]>;
  reviewIds: readonly number[];
}

/**
 * At most 60 listed actions plus eleven parts (actions by id in two, an indicator and its values, the figures'
 * indicators, the EqIAs): under SharePoint's 100 per $batch, so one HTTP request.
 */
const PARTS_PER_REQUEST = 100;

const gone = (err: unknown) => err instanceof DataError && err.reason === "not-found";

export async function readForPress(ctx: BotContext, r: PressRead): Promise<PressContext> {
  const listed = r.officerId ? [] : [...new Set(r.digestIds)].filter((id) => id !== r.actionId);
  const byId = [...new Set([...r.historyIds, ...r.figures.map(([, actionId]) => actionId)])];
  const indicatorIds = [...new Set(r.figures.map(([indicatorId]) => indicatorId))];
  const [refPart, groupPart, pressedPart, ownedPart, historyPart, indicatorPart, valuesPart, indicatorsPart, eqiasPart, ...listedParts] = await settleBatch<unknown>(
    ctx.sp,
    (b) => [
      r.objectId ? getConversationByUserId(b, r.objectId) : Promise.resolve(null),
      getEdiGroup(b),
      r.actionId ? getAction(b, r.actionId) : Promise.resolve(undefined),
      r.officerId ? getMyActions(b, r.officerId) : Promise.resolve([]),
      getActionsByIds(b, byId),
      r.indicatorId ? getIndicator(b, r.indicatorId) : Promise.resolve(null),
      r.indicatorId ? getIndicatorValuesOnce(b, r.indicatorId) : Promise.resolve(null),
      getIndicatorsByIds(b, indicatorIds),
      getEqiasByIds(b, [...new Set(r.reviewIds)]),
      ...listed.map((id) => getAction(b, id)),
    ],
    PARTS_PER_REQUEST,
  );
  if (!refPart.ok) throw toDataError(refPart.error, "Reading who pressed the button");
  if (!groupPart.ok) throw toDataError(groupPart.error, "Reading the EDI group");
  if (!ownedPart.ok) throw toDataError(ownedPart.error, "Reading the officer's actions");
  // An action deleted since the card was sent is simply left out; anything else is a real failure.
  if (!pressedPart.ok && !gone(pressedPart.error)) throw toDataError(pressedPart.error, `Reading action ${r.actionId}`);
  const card = [...(ownedPart.value as ActionRecord[])];
  listedParts.forEach((p, i) => {
    if (p.ok) card.push(p.value as ActionRecord);
    else if (!gone(p.error)) throw toDataError(p.error, `Reading action ${listed[i]}`);
  });
  const pressed = pressedPart.ok ? (pressedPart.value as ActionRecord | undefined) : undefined;
  // History (and the figures' actions) is what the card adds, never what a press depends on: a failed read leaves it out.
  if (!historyPart.ok) ctx.log.warn({ err: String(historyPart.error) }, "could not read the actions the card named by id; the card may leave out carried history and figures");
  const sources = new Map([...card, ...(historyPart.ok ? (historyPart.value as ActionRecord[]) : [])].map((a) => [a.id, a]));
  if (!indicatorPart.ok && !gone(indicatorPart.error)) throw toDataError(indicatorPart.error, `Reading indicator ${r.indicatorId}`);
  const indicator = indicatorPart.ok ? (indicatorPart.value as IndicatorRecord | null) : null;
  // Values unread (a busy indicator past the list threshold): the command reads them itself.
  const indicatorValues = valuesPart.ok ? (valuesPart.value as IndicatorValueRecord[] | null) : null;
  // Like history, figures and reviews are what the card adds: a failed read leaves them off this answer.
  for (const p of [indicatorsPart, eqiasPart]) if (!p.ok) ctx.log.warn({ err: String(p.error) }, "could not read the card's figures or reviews; the card leaves them out");
  const indicators = indicatorsPart.ok ? (indicatorsPart.value as IndicatorRecord[]) : [];
  const eqias = eqiasPart.ok ? (eqiasPart.value as EqiaRecord[]) : [];
  return { ref: refPart.value as ConversationRef | null, ediGroup: groupPart.value as EdiGroup, pressed, card, sources, indicator, indicatorValues, indicators, eqias };
}

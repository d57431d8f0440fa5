/**
 * What each button writes, after the person was allowed and the card was found current: the inputs are validated
 * first (nothing is written otherwise), then the action is written ONCE with the ETag just read (submitUpdate
 * adds the update item after it; snooze writes the action only). The result is the action as it now stands.
 */
import { isValidIsoDate } from "../../domain/dates.ts";
import { londonDate } from "../../domain/london-time.ts";
import { snoozeUntil } from "../../domain/reminder-policy.ts";
import { choosableActionStatusSchema, MULTI_LINE_MAX, type Person } from "../../domain/types.ts";
import type { ActionRecord } from "../../data/actions/index.ts";
import { submitUpdate, updateAction, withPatch } from "../../data/index.ts";
import { type Said, said, VERBS } from "../cards/common.ts";
import { MAX_REASON_CHARS, MAX_UPDATE_CHARS } from "../cards/digest-card.ts";
import type { BotContext } from "../context.ts";
import { type CardData, inputOf } from "./card-data.ts";

export type WriteOutcome = { ok: true; action: ActionRecord; notice: Said[] } | { ok: false; why: string };

export interface WriteInput {
  verb: string;
  action: ActionRecord;
  data: CardData;
  /** Who writes (the site user they are on this action): the update's author. */
  author: Person;
  /** The invoke's id (Teams retries an invoke with the same id): the update's submission key. */
  invokeId: string;
}

const count = (n: number) => n.toLocaleString("en-GB");

export async function writeFor(ctx: BotContext, w: WriteInput): Promise<WriteOutcome> {
  const { action, data, author } = w;
  const id = action.id;
  const now = ctx.now();
  const submissionKey = `card:${w.invokeId}`.slice(0, 200);
  const ref = action.reference ? said(action.reference, 60) : "this action";

  if (w.verb === VERBS.addUpdate) {
    const text = inputOf(data, "text", id).trim();
    if (!text) return { ok: false, why: "write what has happened before saving the update." };
    if (text.length > MAX_UPDATE_CHARS)
      return { ok: false, why: `keep the update under ${count(MAX_UPDATE_CHARS)} characters (it has ${count(text.length)}); longer updates can be written in the tab.` };
    // Only a status a person can record: "not recorded" describes missing records, nobody's report.
    const status = choosableActionStatusSchema.safeParse(inputOf(data, "status", id));
    if (!status.success) return { ok: false, why: "choose a status from the list." };
    const r = await submitUpdate(ctx.sp, { action, text, status: status.data, author, submissionKey, now });
    return { ok: true, action: r.action, notice: ["Update saved."] };
  }
  if (w.verb === VERBS.complete) {
    const r = await submitUpdate(ctx.sp, { action, text: "Marked complete in Teams.", status: "complete", author, submissionKey, now });
    return { ok: true, action: r.action, notice: ["Marked complete."] };
  }
  if (w.verb === VERBS.proposeDate) {
    const date = inputOf(data, "date", id);
    if (!date || !isValidIsoDate(date)) return { ok: false, why: "choose the new date you propose." };
    if (date <= londonDate(now)) return { ok: false, why: "the proposed date must be after today." };
    const why = inputOf(data, "reason", id).trim();
    if (!why) return { ok: false, why: "say why the date needs to move." };
    if (why.length > MAX_REASON_CHARS || why.length > MULTI_LINE_MAX) return { ok: false, why: `keep the reason under ${count(MAX_REASON_CHARS)} characters.` };
    const r = await submitUpdate(ctx.sp, {
      action,
      text: `Proposed new date ${date}: ${why}`,
      status: action.status,
      kind: "date-change-request",
      requestedDueDate: date,
      author,
      submissionKey,
      now,
    });
    return { ok: true, action: r.action, notice: ["Your proposed date was sent to the equalities lead."] };
  }
  // Snooze: the action only.
  const until = snoozeUntil(now, ctx.policy);
  const etag = await updateAction(ctx.sp, id, action.etag ?? "", { snoozedUntil: until });
  return { ok: true, action: withPatch(action, { snoozedUntil: until }, etag), notice: ["Reminders for ", ref, ` are snoozed until ${londonDate(until)}.`] };
}

/**
 * What each button writes, through the same checked commands as the tab's writes (src/commands): the card's inputs
 * are validated here against the card's own limits (a card is no place for a 60,000-character update), then the
 * command applies the domain's rule to the read this press already made (one $batch, ./read-for-press.ts) and
 * writes with the ETag that read returned, the author being the person who pressed. The result is the action as it
 * now stands; a refusal of the command comes back as a CommandError for the handler to answer.
 */
import { addUpdate, type Caller, type CommandResult, markComplete, proposeDueDate, type ActionReadWith, recordValue, snooze, seenOf } from "../../commands/index.ts";
import { isValidIsoDate } from "../../domain/dates.ts";
import { periodFromId } from "../../domain/indicator-periods.ts";
import { londonDate } from "../../domain/london-time.ts";
import { choosableActionStatusSchema, MULTI_LINE_MAX } from "../../domain/types.ts";
import type { ActionRecord } from "../../data/actions/index.ts";
import type { IndicatorRecord } from "../../data/indicators/index.ts";
import { type Said, said, VERBS } from "../cards/common.ts";
import { MAX_REASON_CHARS, MAX_UPDATE_CHARS } from "../cards/digest-card.ts";
import { MAX_VALUE_CHARS, valueInputId } from "../cards/digest-measures.ts";
import type { BotContext } from "../context.ts";
import { type CardData, inputOf } from "./card-data.ts";

/** `indicator`: a value's indicator as written (its summary moved on), so the answer no longer asks for that value. */
export type WriteOutcome = { ok: true; action: ActionRecord; notice: Said[]; indicator?: IndicatorRecord } | { ok: false; why: string };

export interface WriteInput {
  verb: string;
  /** What the press read (the action with its ETag, the group) and the presser's roles on it. */
  read: ActionReadWith;
  data: CardData;
  /** Who pressed, as Teams' signed activity and their conversation reference say. */
  caller: Caller;
  /** The invoke's id (Teams retries an invoke with the same id): the update's submission key. */
  invokeId: string;
}

const count = (n: number) => n.toLocaleString("en-GB");
const done = (r: CommandResult, notice: Said[]): WriteOutcome => ({ ok: true, action: r.action, notice });

export async function writeFor(ctx: BotContext, w: WriteInput): Promise<WriteOutcome> {
  const { read, data, caller } = w;
  const action = read.action;
  const id = action.id;
  const now = ctx.now();
  // The card was checked to show the action as it is (handle-card-action.ts): that is what the person saw.
  const seen = seenOf(action);
  const submissionKey = `card:${w.invokeId}`.replace(/[^A-Za-z0-9:_-]/g, "_").slice(0, 100);
  const ref = action.reference ? said(action.reference, 60) : "this action";

  if (w.verb === VERBS.addUpdate) {
    const text = inputOf(data, "text", id).trim();
    if (!text) return { ok: false, why: "write what has happened before saving the update." };
    if (text.length > MAX_UPDATE_CHARS)
      return { ok: false, why: `keep the update under ${count(MAX_UPDATE_CHARS)} characters (it has ${count(text.length)}); longer updates can be written in the tab.` };
    // Only a status a person can record: "not recorded" describes missing records, nobody's report.
    const status = choosableActionStatusSchema.safeParse(inputOf(data, "status", id));
    if (!status.success) return { ok: false, why: "choose a status from the list." };
    return done(await addUpdate(ctx, caller, { actionId: id, text, status: status.data, submissionKey, seen }, read), ["Update saved."]);
  }
  if (w.verb === VERBS.complete) {
    return done(await markComplete(ctx, caller, { actionId: id, text: "Marked complete in Teams.", submissionKey, seen }, read), ["Marked complete."]);
  }
  if (w.verb === VERBS.proposeDate) {
    const date = inputOf(data, "date", id);
    if (!date || !isValidIsoDate(date)) return { ok: false, why: "choose the new date you propose." };
    if (date <= londonDate(now)) return { ok: false, why: "the proposed date must be after today." };
    const why = inputOf(data, "reason", id).trim();
    if (!why) return { ok: false, why: "say why the date needs to move." };
    if (why.length > MAX_REASON_CHARS || why.length > MULTI_LINE_MAX) return { ok: false, why: `keep the reason under ${count(MAX_REASON_CHARS)} characters.` };
    const r = await proposeDueDate(ctx, caller, { actionId: id, date, reason: why, submissionKey, seen }, read);
    // The lead's own new date is the change itself; anyone else's is a proposal to the lead.
    return done(r, r.outcome === "date-changed" ? [r.message] : ["Your proposed date was sent to the equalities lead."]);
  }
  if (w.verb === VERBS.recordValue) return valueFromCard(ctx, w, submissionKey);
  const r = await snooze(ctx, caller, { actionId: id }, read);
  return done(r, ["Reminders for ", ref, ` are snoozed until ${londonDate(r.action.snoozedUntil ?? now)}.`]);
}

/** "Figures due": the value typed for the period the card asked for, recorded by the same command as the tab's. */
async function valueFromCard(ctx: BotContext, w: WriteInput, submissionKey: string): Promise<WriteOutcome> {
  const { data, read } = w;
  const indicatorId = typeof data.indicatorId === "number" ? data.indicatorId : 0;
  const period = typeof data.period === "string" ? data.period.slice(0, 100) : "";
  if (!indicatorId || !period) return { ok: false, why: "this card does not say which figure it is for. Open the tab instead." };
  const raw = data[valueInputId(indicatorId)];
  const value = typeof raw === "number" ? raw : typeof raw === "string" ? raw.trim() : "";
  if (value === "") return { ok: false, why: "type the value before saving it." };
  if (String(value).length > MAX_VALUE_CHARS) return { ok: false, why: `keep the value under ${count(MAX_VALUE_CHARS)} characters.` };
  const r = await recordValue(ctx, w.caller, { actionId: read.action.id, indicatorId, input: { period, value }, revisionSeen: 0, submissionKey }, read);
  const label = (r.indicator && periodFromId(r.indicator.frequency, period)?.label) || period;
  return { ok: true, action: r.action, notice: ["Value saved: ", said(r.indicator?.name ?? "the indicator", 120), ` for ${label}.`], indicator: r.indicator };
}

/**
 * Action.Execute handlers of the digest card. A press costs at most three SharePoint requests: one $batch that
 * reads who pressed, the EDI group and the card's actions (./read-for-press.ts); then, only when the person may act
 * and the card shows the action as it is, one write of the action with the ETag just read, and the update item
 * after it, made by the same checked commands as the tab's writes (src/commands, through ./writes.ts). The answer
 * is the refreshed card, built from what was read and written, not re-read.
 * A refusal, a change the officer did not see, a 412 or bad input answers with a card and writes nothing.
 * A carried action shows, as on the digest, the history of the action it came from: its source is among the
 * officer's own actions or the ones the card named, read in that same $batch. So do the figures and EqIAs the card
 * listed: the answer lists those still due to the presser (./card-measures.ts).
 */
import { carriedHistory } from "../../domain/carried-history.ts";
import { formatDue } from "../../domain/dates.ts";
import { ACTION_STATUS_LABELS, type ActionStatus } from "../../domain/types.ts";
import type { ActionRecord } from "../../data/actions/index.ts";
import { DataError, getAction, type IndicatorRecord } from "../../data/index.ts";
import { buildAnswerCard } from "../cards/answer-card.ts";
import { type Card, KNOWN_VERBS, type Said, said, VERBS } from "../cards/common.ts";
import { buildDigestCard, dueOnCard, MAX_REASON_CHARS, MAX_UPDATE_CHARS } from "../cards/digest-card.ts";
import { MAX_VALUE_CHARS, valueInputId } from "../cards/digest-measures.ts";
import type { BotContext } from "../context.ts";
import { CommandError, judge } from "../../commands/index.ts";
import { type Actor, lookupUpn } from "../identity.ts";
import { applyPrefill, type CardData, cardDataSchema, inputOf, type Seen } from "./card-data.ts";
import { measuresOnCard } from "./card-measures.ts";
import { readForPress } from "./read-for-press.ts";
import { writeFor } from "./writes.ts";

export interface CardActionInput {
  verb: string;
  data: unknown;
  /** Who pressed: Teams' object id and display name; the UPN is resolved here. */
  actor: Pick<Actor, "objectId" | "name">;
  /** Teams' member API for the presser's UPN, used when no conversation reference holds it. */
  lookupUpn: () => Promise<string | undefined>;
  /** A stable id of this invoke (Teams retries an invoke with the same id): the update's submission key. */
  invokeId: string;
}

export interface CardActionResult {
  card: Card;
  /** Whether SharePoint was written. */
  wrote: boolean;
  outcome: "saved" | "refreshed" | "refused" | "invalid" | "conflict" | "gone" | "unknown-verb" | "error";
  /** Who pressed, as resolved (for the log). */
  upn: string;
}

type Tone = "good" | "warning" | "attention";

export async function handleCardAction(ctx: BotContext, input: CardActionInput): Promise<CardActionResult> {
  const { verb } = input;
  if (!KNOWN_VERBS.includes(verb)) {
    return answer("unknown-verb", buildAnswerCard("unknown-verb", ["This card button is not one the app knows. Open the tab to work on your actions."], [verb.slice(0, 100)]));
  }
  const parsed = cardDataSchema.safeParse(input.data);
  if (!parsed.success) {
    return answer("invalid", buildAnswerCard("invalid", [`This card could not be read: ${parsed.error.issues[0]?.message ?? "unexpected data"}. Open the tab instead.`]));
  }
  const data = parsed.data as CardData;
  if (verb !== VERBS.refresh && !data.actionId) {
    return answer("invalid", buildAnswerCard("invalid", ["This button does not say which action it is for. Open the tab instead."]));
  }

  const indicatorId = verb === VERBS.recordValue && typeof data.indicatorId === "number" ? data.indicatorId : undefined;
  const press = await readForPress(ctx, { objectId: input.actor.objectId, actionId: data.actionId, officerId: data.officer, digestIds: data.digest, historyIds: data.history, indicatorId, figures: data.figures, reviewIds: data.reviews });
  const actor: Actor = { ...input.actor, upn: press.ref?.upn || (await lookupUpn(input.lookupUpn)) };
  const result = (outcome: CardActionResult["outcome"], card: Card, wrote = false): CardActionResult => ({ card, wrote, outcome, upn: actor.upn });
  const now = ctx.now();
  // The card's actions: those still due (as a run would list them), the pressed one, and only what this person
  // may act on, whatever ids the client sent.
  const onCard = (replace?: ActionRecord) => {
    const byId = new Map(press.card.map((a) => [a.id, a]));
    if (press.pressed) byId.set(press.pressed.id, press.pressed);
    if (replace) byId.set(replace.id, replace);
    const due = new Set(dueOnCard([...byId.values()], now, ctx.policy));
    return [...byId.values()]
      .filter((a) => (due.has(a.id) || a.id === data.actionId) && isOpen(a) && judge(actor, a, press.ediGroup).author !== null)
      .map((a) => ({ ...a, carried: carriedHistory(a, a.carriedFromId === null ? undefined : press.sources.get(a.carriedFromId)) }));
  };
  // The figures and EqIAs the card listed, still due to the presser, from the actions and indicator as now written.
  const measures = (replace?: ActionRecord, indicator?: IndicatorRecord) => {
    const actions = new Map(press.sources);
    for (const a of [press.pressed, replace]) if (a) actions.set(a.id, a);
    const indicators = press.indicators.map((i) => (i.id === indicator?.id ? indicator : i));
    return measuresOnCard({ caller: actor, group: press.ediGroup, actions, indicators, eqias: press.eqias, now, policy: ctx.policy });
  };
  const digestCard = (replace?: ActionRecord, notice?: { parts: Said[]; tone: Tone }, prefill?: Record<string, string>, indicator?: IndicatorRecord) => {
    const actions = onCard(replace);
    const card = buildDigestCard({
      officerName: actor.name,
      officerId: data.officer ?? press.pressed?.ownerId ?? actions[0]?.ownerId ?? 0,
      actions,
      ...measures(replace, indicator),
      now,
      links: ctx.links,
      refreshObjectIds: actor.objectId ? [actor.objectId] : [],
      bankHolidays: ctx.policy.bankHolidays,
      notice,
    });
    return prefill ? applyPrefill(card, prefill) : card;
  };

  if (verb === VERBS.refresh) {
    const { figures, reviews } = measures();
    return onCard().length || figures.length || reviews.length ? result("refreshed", digestCard()) : result("refused", refusedCard());
  }

  const id = data.actionId as number;
  const action = press.pressed;
  if (!action) return result("gone", buildAnswerCard("gone", ["This action no longer exists in the plan. Nothing was saved."]));
  // The domain's rule, as the server's API applies it: the presser's roles on this action, matched by UPN.
  const judged = judge(actor, action, press.ediGroup);
  if (!judged.author) return result("refused", refusedCard());
  if (action.status === "complete" || action.disposition !== "open") {
    const what = action.status === "complete" ? "is already complete" : "has been closed at review";
    return result("gone", digestCard(undefined, { parts: [referenceOf(action, "This action"), ` ${what}. Nothing was saved.`], tone: "warning" }));
  }

  const prefill = {
    [`text-${id}`]: inputOf(data, "text", id).slice(0, MAX_UPDATE_CHARS),
    [`status-${id}`]: inputOf(data, "status", id),
    [`date-${id}`]: inputOf(data, "date", id),
    [`reason-${id}`]: inputOf(data, "reason", id).slice(0, MAX_REASON_CHARS),
    ...(indicatorId ? { [valueInputId(indicatorId)]: String(data[valueInputId(indicatorId)] ?? "").slice(0, MAX_VALUE_CHARS) } : {}),
  };
  const conflict = (fresh: ActionRecord) =>
    result(
      "conflict",
      digestCard(
        fresh,
        {
          parts: ["Nothing was saved: ", referenceOf(fresh, "this action"), " was changed since this card was sent. ", ...describeChanges(data.seen ?? {}, fresh), "Check and submit again."],
          tone: "warning",
        },
        prefill,
      ),
    );
  // The card must show the action as it is now: what the officer did not see, they do not overwrite.
  // (A value is the indicator's, not the action's: what the card showed of the action does not bear on it.)
  if (verb !== VERBS.recordValue && !sameAsSeen(data.seen, action)) return conflict(action);

  try {
    const read = { action, group: press.ediGroup, ...judged, submitted: null, proposal: null, answer: null, indicator: press.indicator, indicatorValues: press.indicatorValues };
    const w = await writeFor(ctx, { verb, read, data, caller: { oid: actor.objectId, upn: actor.upn, name: actor.name }, invokeId: input.invokeId });
    if (!w.ok) return result("invalid", digestCard(undefined, { parts: [`Nothing was saved: ${w.why}`], tone: "attention" }, prefill));
    return result("saved", digestCard(w.action, { parts: w.notice, tone: "good" }, undefined, w.indicator), true);
  } catch (err) {
    // 412: someone wrote between our read and our write. Nothing was written; show what changed.
    if (err instanceof CommandError && err.reason === "conflict") return conflict(err.current ?? (await getAction(ctx.sp, id)));
    if (err instanceof DataError && err.reason === "conflict") return conflict(await getAction(ctx.sp, id));
    if (err instanceof CommandError && err.status === 403) return result("refused", refusedCard());
    if (err instanceof CommandError && ["invalid", "action-closed", "already-recorded", "not-found"].includes(err.reason))
      return result("invalid", digestCard(undefined, { parts: [err.message], tone: "attention" }, prefill));
    throw err;
  }
}

const isOpen = (a: ActionRecord) => a.status !== "complete" && a.disposition === "open";

function answer(outcome: CardActionResult["outcome"], card: Card): CardActionResult {
  return { card, wrote: false, outcome, upn: "" };
}

function refusedCard(): Card {
  return buildAnswerCard("refused", [
    "Only the action's responsible officers and members of the EDI group can update it. Nothing was saved.",
    "If this action should be yours, ask the equalities lead to name you on it.",
  ]);
}

/** Instants compared to the second: SharePoint keeps seconds, the clock that wrote them may not. */
const instant = (v: string | null | undefined) => (v ? Math.floor(Date.parse(v) / 1000) : null);

/** Whether the card showed the action as it now is (status, due date, latest update). No `seen`: not shown. */
export function sameAsSeen(seen: Seen | undefined, a: ActionRecord): boolean {
  if (!seen) return false;
  return seen.status === a.status && (seen.due ?? null) === a.due.date && instant(seen.lastUpdateAt) === instant(a.lastUpdateAt);
}

const referenceOf = (a: ActionRecord, otherwise: string): Said => (a.reference ? said(a.reference, 60) : otherwise);

/** What changed since the card was sent, each sentence ending with a space; people's text as runs. */
function describeChanges(before: Seen, after: ActionRecord): Said[] {
  const out: Said[] = [];
  if (before.status && before.status !== after.status) {
    // `before.status` came from the client: shown only when it names a status.
    const was = ACTION_STATUS_LABELS[before.status as ActionStatus];
    out.push(`Status is now "${ACTION_STATUS_LABELS[after.status]}"${was ? ` (was "${was}")` : ""}. `);
  }
  if (before.due !== undefined && (before.due ?? null) !== after.due.date) out.push("The due date is now ", said(formatDue(after.due), 100), ". ");
  if (before.lastUpdateAt !== undefined && instant(before.lastUpdateAt) !== instant(after.lastUpdateAt))
    out.push(...(after.lastUpdateSummary ? ["Someone added an update: \u201c", said(after.lastUpdateSummary, 255), "\u201d. "] : ["Someone added an update. "]));
  if (after.disposition !== "open") out.push("The action has been closed at review. ");
  return out.length ? out : ["Someone edited the action. "];
}

/**
 * Action.Execute handlers of the digest card. Each one: read the action fresh, check the person may act on it,
 * validate what they typed, write with the ETag the card was built from (a 412 means someone changed the action
 * since: nothing is written and the person is told what changed), then answer with the refreshed card.
 * Any refusal or bad input answers with a card and writes nothing.
 */
import { z } from "zod";
import { formatDue, isValidIsoDate } from "../domain/dates.ts";
import { londonDate } from "../domain/london-time.ts";
import { snoozeUntil } from "../domain/reminder-policy.ts";
import { ACTION_STATUS_LABELS, type ActionStatus, choosableActionStatusSchema, MULTI_LINE_MAX } from "../domain/types.ts";
import type { ActionRecord } from "../data/actions/index.ts";
import { DataError, getAction, inBatch, submitUpdate, updateAction } from "../data/index.ts";
import { buildAnswerCard } from "./cards/answer-card.ts";
import { type Card, CARD_DATA_VERSION, KNOWN_VERBS, VERBS } from "./cards/common.ts";
import { buildDigestCard, MAX_UPDATE_CHARS } from "./cards/digest-card.ts";
import type { BotContext } from "./context.ts";
import type { Actor, Authorizer } from "./identity.ts";

const MAX_REASON_CHARS = 1_000;
const MAX_DIGEST = 60;

/** What the card carries (ours) plus the inputs Teams merges in (`text-12`, `status-12`, `date-12`, `reason-12`). */
const cardDataSchema = z
  .object({
    v: z.literal(CARD_DATA_VERSION, { error: "this card is from an older version of the app" }),
    actionId: z.number().int().positive().optional(),
    etag: z.string().max(64).optional(),
    digest: z.array(z.number().int().positive()).max(MAX_DIGEST).default([]),
  })
  .passthrough();

export interface CardActionInput {
  verb: string;
  data: unknown;
  actor: Actor;
  /** A stable id of this invoke (Teams retries an invoke with the same id): the update's submission key. */
  invokeId: string;
}

export interface CardActionResult {
  card: Card;
  /** Whether SharePoint was written. */
  wrote: boolean;
  outcome: "saved" | "refreshed" | "refused" | "invalid" | "conflict" | "gone" | "unknown-verb" | "error";
}

async function readActions(ctx: BotContext, ids: readonly number[]): Promise<ActionRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  // One $batch; if any part fails (an action deleted since the card was sent), read one by one and leave it out.
  try {
    return await inBatch(ctx.sp, (b) => unique.map((id) => getAction(b, id)));
  } catch {
    const each = await Promise.all(unique.map((id) => getAction(ctx.sp, id).catch(() => null)));
    return each.filter((a): a is ActionRecord => a !== null);
  }
}

function refreshed(ctx: BotContext, actor: Actor, actions: ActionRecord[], notice?: { text: string; tone: "good" | "warning" | "attention" }, prefill?: Record<string, string>): Card {
  const card = buildDigestCard({
    officerName: actor.name,
    actions,
    now: ctx.now(),
    links: ctx.links,
    refreshObjectIds: actor.objectId ? [actor.objectId] : [],
    bankHolidays: ctx.policy.bankHolidays,
    notice,
  });
  return prefill ? applyPrefill(card, prefill) : card;
}

/** Puts back what the person typed (so a conflict or a mistake loses nothing). */
function applyPrefill(card: Card, values: Record<string, string>): Card {
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

function describeChanges(before: Record<string, unknown>, after: ActionRecord): string[] {
  const out: string[] = [];
  if (before.status && before.status !== after.status)
    out.push(`Status is now "${ACTION_STATUS_LABELS[after.status]}" (was "${ACTION_STATUS_LABELS[before.status as ActionStatus] ?? before.status}").`);
  if (before.due !== undefined && before.due !== after.due.date) out.push(`The due date is now ${formatDue(after.due)}.`);
  if (before.lastUpdateAt !== undefined && before.lastUpdateAt !== after.lastUpdateAt)
    out.push(`Someone added an update${after.lastUpdateSummary ? `: "${after.lastUpdateSummary}"` : ""}.`);
  if (after.disposition !== "open") out.push("The action has been closed at review.");
  return out.length ? out : ["Someone edited the action."];
}

export async function handleCardAction(ctx: BotContext, auth: Authorizer, input: CardActionInput): Promise<CardActionResult> {
  const { verb, actor } = input;
  if (!KNOWN_VERBS.includes(verb)) {
    return { card: buildAnswerCard("unknown-verb", ["This card button is not one the app knows. Open the tab to work on your actions."], [verb.slice(0, 100)]), wrote: false, outcome: "unknown-verb" };
  }
  const parsed = cardDataSchema.safeParse(input.data);
  if (!parsed.success) {
    return { card: buildAnswerCard("invalid", [`This card could not be read: ${parsed.error.issues[0]?.message ?? "unexpected data"}. Open the tab instead.`]), wrote: false, outcome: "invalid" };
  }
  const data = parsed.data as z.infer<typeof cardDataSchema> & Record<string, unknown>;
  const digestIds = data.digest.length ? data.digest : data.actionId ? [data.actionId] : [];

  if (verb === VERBS.refresh) {
    const actions = await readActions(ctx, digestIds);
    const allowed = await anyAllowed(auth, actor, actions);
    if (!allowed) return refused();
    return { card: refreshed(ctx, actor, actions), wrote: false, outcome: "refreshed" };
  }

  if (!data.actionId || !data.etag) return { card: buildAnswerCard("invalid", ["This button does not say which action it is for. Open the tab instead."]), wrote: false, outcome: "invalid" };
  const id = data.actionId;
  let action: ActionRecord;
  try {
    action = await getAction(ctx.sp, id);
  } catch (err) {
    if (err instanceof DataError && err.reason === "not-found")
      return { card: buildAnswerCard("gone", ["This action no longer exists in the plan. Nothing was saved."]), wrote: false, outcome: "gone" };
    throw err;
  }
  const person = await auth.personFor(actor, action);
  if (!person) return refused();

  const others = async () => (await readActions(ctx, digestIds.filter((x) => x !== id)));
  const withFresh = async (fresh: ActionRecord) => {
    const rest = await others();
    return digestIds.map((x) => (x === id ? fresh : rest.find((a) => a.id === x))).filter((a): a is ActionRecord => a !== undefined);
  };

  if (action.status === "complete" || action.disposition !== "open") {
    const what = action.status === "complete" ? "is already complete" : "has been closed at review";
    return { card: refreshed(ctx, actor, await withFresh(action), { text: `${action.reference || "This action"} ${what}. Nothing was saved.`, tone: "warning" }), wrote: false, outcome: "gone" };
  }

  // Inputs: validated before anything is written.
  const textIn = typeof data[`text-${id}`] === "string" ? String(data[`text-${id}`]) : "";
  const statusIn = typeof data[`status-${id}`] === "string" ? String(data[`status-${id}`]) : "";
  const dateIn = typeof data[`date-${id}`] === "string" ? String(data[`date-${id}`]) : "";
  const reasonIn = typeof data[`reason-${id}`] === "string" ? String(data[`reason-${id}`]) : "";
  const prefill = { [`text-${id}`]: textIn.slice(0, MAX_UPDATE_CHARS), [`status-${id}`]: statusIn, [`date-${id}`]: dateIn, [`reason-${id}`]: reasonIn.slice(0, MAX_REASON_CHARS) };
  const invalid = async (why: string): Promise<CardActionResult> => ({
    card: refreshed(ctx, actor, await withFresh(action), { text: `Nothing was saved: ${why}`, tone: "attention" }, prefill),
    wrote: false,
    outcome: "invalid",
  });

  const now = ctx.now();
  const submissionKey = `card:${input.invokeId}`.slice(0, 200);
  let notice: string;
  try {
    if (verb === VERBS.addUpdate) {
      const t = textIn.trim();
      if (!t) return invalid("write what has happened before saving the update.");
      if (t.length > MAX_UPDATE_CHARS) return invalid(`keep the update under ${MAX_UPDATE_CHARS.toLocaleString("en-GB")} characters (it has ${t.length.toLocaleString("en-GB")}); longer updates can be written in the tab.`);
      // Only a status a person can record: "not recorded" describes missing records, nobody's report.
      const status = choosableActionStatusSchema.safeParse(statusIn);
      if (!status.success) return invalid("choose a status from the list.");
      await submitUpdate(ctx.sp, { action: { ...action, etag: data.etag }, text: t, status: status.data, author: person, submissionKey, now });
      notice = "Update saved.";
    } else if (verb === VERBS.complete) {
      await submitUpdate(ctx.sp, { action: { ...action, etag: data.etag }, text: "Marked complete in Teams.", status: "complete", author: person, submissionKey, now });
      notice = "Marked complete.";
    } else if (verb === VERBS.proposeDate) {
      if (!dateIn || !isValidIsoDate(dateIn)) return invalid("choose the new date you propose.");
      if (dateIn <= londonDate(now)) return invalid("the proposed date must be after today.");
      const why = reasonIn.trim();
      if (!why) return invalid("say why the date needs to move.");
      if (why.length > MAX_REASON_CHARS) return invalid(`keep the reason under ${MAX_REASON_CHARS.toLocaleString("en-GB")} characters.`);
      if (why.length > MULTI_LINE_MAX) return invalid("the reason is too long.");
      await submitUpdate(ctx.sp, {
        action: { ...action, etag: data.etag },
        text: `Proposed new date ${dateIn}: ${why}`,
        status: action.status,
        kind: "date-change-request",
        requestedDueDate: dateIn,
        author: person,
        submissionKey,
        now,
      });
      notice = "Your proposed date was sent to the equalities lead.";
    } else {
      const until = snoozeUntil(now, ctx.policy);
      await updateAction(ctx.sp, id, data.etag, { snoozedUntil: until });
      notice = `Reminders for ${action.reference || "this action"} are snoozed until ${londonDate(until)}.`;
    }
  } catch (err) {
    if (err instanceof DataError && err.reason === "conflict") {
      const fresh = await getAction(ctx.sp, id);
      const changes = describeChanges((data.seen ?? {}) as Record<string, unknown>, fresh);
      return {
        card: refreshed(ctx, actor, await withFresh(fresh), { text: `Nothing was saved: ${fresh.reference || "this action"} was changed since this card was sent. ${changes.join(" ")} Check and submit again.`, tone: "warning" }, prefill),
        wrote: false,
        outcome: "conflict",
      };
    }
    throw err;
  }
  const fresh = await getAction(ctx.sp, id);
  return { card: refreshed(ctx, actor, await withFresh(fresh), { text: notice, tone: "good" }), wrote: true, outcome: "saved" };
}

function refused(): CardActionResult {
  return {
    card: buildAnswerCard("refused", [
      "Only the action's responsible officers and members of the EDI group can update it. Nothing was saved.",
      "If this action should be yours, ask the equalities lead to name you on it.",
    ]),
    wrote: false,
    outcome: "refused",
  };
}

async function anyAllowed(auth: Authorizer, actor: Actor, actions: ActionRecord[]): Promise<boolean> {
  for (const a of actions) if (await auth.personFor(actor, a)) return true;
  return false;
}

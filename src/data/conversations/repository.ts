/**
 * Teams conversation references of the reminder bot, one per person (UserObjectId is unique). Reads are
 * index-first: by object id or UPN (both indexed) for one person, by ID windows for the whole list.
 */
import { FAILURES_BEFORE_HANDOVER } from "../../domain/constants.ts";
import type { ConversationRef } from "../../domain/types.ts";
import type { SPFI } from "../create-sp.ts";
import { callSharePoint, DataError } from "../errors.ts";
import { eq } from "../odata.ts";
import { list, queryOnce, queryWindowed } from "../queries.ts";
import { clip } from "../values.ts";
import { CONVERSATION_SELECT, type ConversationFields, conversationFields, conversationFrom, type ReachProblem } from "./mapping.ts";

export async function getConversationByUserId(sp: SPFI, userObjectId: string): Promise<ConversationRef | null> {
  return callSharePoint("Reading a conversation reference", async () => {
    const [item] = await queryOnce(sp, "conversations", { filter: eq("UserObjectId", userObjectId), select: CONVERSATION_SELECT, top: 1 });
    return item ? conversationFrom(item) : null;
  });
}

export async function getConversationByUpn(sp: SPFI, upn: string): Promise<ConversationRef | null> {
  return callSharePoint("Reading a conversation reference", async () => {
    const items = await queryOnce(sp, "conversations", { filter: eq("Upn", upn.toLowerCase()), select: CONVERSATION_SELECT, top: 5 });
    return items.length ? conversationFrom(items[0]) : null;
  });
}

/** Every reference (ID windows: safe at any list size). */
export async function getConversations(sp: SPFI): Promise<ConversationRef[]> {
  return callSharePoint("Reading conversation references", async () => (await queryWindowed(sp, "conversations", { select: CONVERSATION_SELECT })).map(conversationFrom));
}

const same = (a: ConversationRef, b: ConversationFields) =>
  a.upn === b.upn.toLowerCase() &&
  a.name === b.name &&
  a.conversationId === b.conversationId &&
  a.serviceUrl === b.serviceUrl &&
  a.tenantId === b.tenantId &&
  a.unreachable === b.unreachable &&
  (a.unreachableReason ?? null) === (b.unreachableReason ?? null) &&
  (a.problem ?? null) === (b.problem ?? null) &&
  (a.failures ?? 0) === (b.failures ?? 0) &&
  (a.mail ?? null) === (b.mail ?? null) &&
  (a.checkedAt ?? null) === (b.checkedAt ?? null);

export interface UpsertResult {
  ref: ConversationRef;
  change: "created" | "updated" | "unchanged";
}

/**
 * Creates or refreshes a person's reference. Writes nothing when nothing changed (the bot calls this on every
 * message). Two concurrent first contacts race on the unique UserObjectId: the loser re-reads and updates.
 */
export async function upsertConversation(sp: SPFI, ref: ConversationFields): Promise<UpsertResult> {
  if (ref.conversationId.length > 255) throw new DataError("invalid", "The conversation id is longer than 255 characters.", { field: "ConversationId" });
  const existing = await getConversationByUserId(sp, ref.userId);
  if (existing) return update(sp, existing, ref);
  try {
    await callSharePoint("Saving a conversation reference", () => list(sp, "conversations").items.add(conversationFields(ref)));
  } catch (err) {
    if (!(err instanceof DataError) || err.reason !== "duplicate") throw err;
    const winner = await getConversationByUserId(sp, ref.userId);
    if (!winner) throw err;
    return update(sp, winner, ref);
  }
  const created = await getConversationByUserId(sp, ref.userId);
  if (!created) throw new DataError("not-found", "The conversation reference was saved but cannot be read back.");
  return { ref: created, change: "created" };
}

async function update(sp: SPFI, existing: ConversationRef, ref: ConversationFields): Promise<UpsertResult> {
  // Keep a known UPN when this activity did not carry one; the mailbox and when it was checked unless given.
  const next = {
    ...ref,
    upn: ref.upn || existing.upn,
    name: ref.name || existing.name,
    mail: ref.mail !== undefined ? ref.mail : (existing.mail ?? null),
    checkedAt: ref.checkedAt !== undefined ? ref.checkedAt : (existing.checkedAt ?? null),
  };
  if (same(existing, next)) return { ref: existing, change: "unchanged" };
  await callSharePoint("Updating a conversation reference", () => list(sp, "conversations").items.getById(existing.id as number).update(conversationFields(next), "*"));
  return { ref: { ...existing, ...next, upn: next.upn.toLowerCase() }, change: "updated" };
}

/** The person blocked or removed the bot: keep the reference, say why they are not being reminded. */
export async function markUnreachable(sp: SPFI, ref: ConversationRef, reason: string, problem: ReachProblem | null = null): Promise<void> {
  if (ref.id === undefined) throw new DataError("invalid", "Only a saved conversation reference can be marked unreachable.");
  await callSharePoint("Marking a person unreachable", () =>
    list(sp, "conversations")
      .items.getById(ref.id as number)
      .update({ Unreachable: true, UnreachableReason: clip(reason), ReachProblem: problem }, "*"),
  );
}

/**
 * Counts a failed send (or clears the count after a good one). At FAILURES_BEFORE_HANDOVER in a row the person is
 * "failing": unreachable until they write to the bot again, and their actions are listed for handover.
 */
export async function recordSendOutcome(sp: SPFI, ref: ConversationRef, ok: boolean): Promise<void> {
  if (ref.id === undefined) return;
  const failures = ok ? 0 : (ref.failures ?? 0) + 1;
  if (failures === (ref.failures ?? 0)) return;
  const failing = failures >= FAILURES_BEFORE_HANDOVER;
  await callSharePoint("Recording a send's outcome", () =>
    list(sp, "conversations")
      .items.getById(ref.id as number)
      .update(
        failing ? { Failures: failures, Unreachable: true, ReachProblem: "failing", UnreachableReason: `${failures} sends in a row failed` } : { Failures: failures },
        "*",
      ),
  );
}

/** What installing the app (or the directory) said about someone the bot could not reach in Teams. */
export interface ReachFinding {
  userId: string;
  upn: string;
  name: string;
  problem: ReachProblem;
  reason: string;
  mail: string | null;
  checkedAt: Date;
}

/**
 * Records why someone cannot be reached in Teams, on their reference (created without a conversation when they
 * have none), so that the run, "unreachable" and the lead's handover list all read it from one place.
 */
export async function recordReachProblem(sp: SPFI, existing: ConversationRef | undefined, f: ReachFinding): Promise<ConversationRef> {
  const fields: ConversationFields = {
    userId: f.userId,
    upn: f.upn,
    name: f.name,
    conversationId: existing?.conversationId ?? "",
    serviceUrl: existing?.serviceUrl ?? "",
    tenantId: existing?.tenantId ?? "",
    unreachable: true,
    unreachableReason: f.reason,
    problem: f.problem,
    failures: existing?.failures ?? 0,
    mail: f.mail,
    checkedAt: f.checkedAt.toISOString(),
  };
  return (await upsertConversation(sp, fields)).ref;
}

/** People the bot cannot reach in Teams (indexed Unreachable), with why. */
export async function getUnreachable(sp: SPFI): Promise<ConversationRef[]> {
  return callSharePoint("Reading who cannot be reached", async () => (await queryWindowed(sp, "conversations", { filter: eq("Unreachable", 1), select: CONVERSATION_SELECT })).map(conversationFrom));
}

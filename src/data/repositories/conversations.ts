/**
 * Teams conversation references of the reminder bot, one per person (UserObjectId is unique). Reads are
 * index-first: by object id or UPN (both indexed) for one person, by ID windows for the whole list.
 */
import type { ConversationRef } from "../../domain/types.ts";
import { DataError, sp as call } from "../errors.ts";
import { list, queryOnce, queryWindowed } from "../lists.ts";
import { CONVERSATION_SELECT, conversationFrom } from "../mappers.ts";
import type { SPFI } from "../sp.ts";

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** Single-line text columns hold 255 characters; a longer value would be refused by SharePoint. */
const clip = (s: string, max = 255) => (s.length <= max ? s : s.slice(0, max));

export async function getConversationByUserId(sp: SPFI, userObjectId: string): Promise<ConversationRef | null> {
  return call("Reading a conversation reference", async () => {
    const [item] = await queryOnce(sp, "conversations", { filter: `UserObjectId eq ${quote(userObjectId)}`, select: CONVERSATION_SELECT, top: 1 });
    return item ? conversationFrom(item) : null;
  });
}

export async function getConversationByUpn(sp: SPFI, upn: string): Promise<ConversationRef | null> {
  return call("Reading a conversation reference", async () => {
    const items = await queryOnce(sp, "conversations", { filter: `Upn eq ${quote(upn.toLowerCase())}`, select: CONVERSATION_SELECT, top: 5 });
    return items.length ? conversationFrom(items[0]) : null;
  });
}

/** Every reference (ID windows: safe at any list size). */
export async function getConversations(sp: SPFI): Promise<ConversationRef[]> {
  return call("Reading conversation references", async () => (await queryWindowed(sp, "conversations", { select: CONVERSATION_SELECT })).map(conversationFrom));
}

function fieldsOf(ref: Omit<ConversationRef, "id" | "etag">): Record<string, unknown> {
  return {
    Title: clip(ref.upn || ref.name || ref.userId),
    UserObjectId: ref.userId,
    Upn: clip(ref.upn.toLowerCase()),
    DisplayName: clip(ref.name),
    ConversationId: clip(ref.conversationId),
    ServiceUrl: clip(ref.serviceUrl),
    TenantId: clip(ref.tenantId, 64),
    Unreachable: ref.unreachable,
    UnreachableReason: ref.unreachableReason === null ? null : clip(ref.unreachableReason),
  };
}

const same = (a: ConversationRef, b: Omit<ConversationRef, "id" | "etag">) =>
  a.upn === b.upn.toLowerCase() &&
  a.name === b.name &&
  a.conversationId === b.conversationId &&
  a.serviceUrl === b.serviceUrl &&
  a.tenantId === b.tenantId &&
  a.unreachable === b.unreachable &&
  (a.unreachableReason ?? null) === (b.unreachableReason ?? null);

export interface UpsertResult {
  ref: ConversationRef;
  change: "created" | "updated" | "unchanged";
}

/**
 * Creates or refreshes a person's reference. Writes nothing when nothing changed (the bot calls this on every
 * message). Two concurrent first contacts race on the unique UserObjectId: the loser re-reads and updates.
 */
export async function upsertConversation(sp: SPFI, ref: Omit<ConversationRef, "id" | "etag">): Promise<UpsertResult> {
  if (ref.conversationId.length > 255) throw new DataError("invalid", "The conversation id is longer than 255 characters.", { field: "ConversationId" });
  const existing = await getConversationByUserId(sp, ref.userId);
  if (existing) return update(sp, existing, ref);
  try {
    await call("Saving a conversation reference", () => list(sp, "conversations").items.add(fieldsOf(ref)));
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

async function update(sp: SPFI, existing: ConversationRef, ref: Omit<ConversationRef, "id" | "etag">): Promise<UpsertResult> {
  // Keep a known UPN when this activity did not carry one.
  const next = { ...ref, upn: ref.upn || existing.upn, name: ref.name || existing.name };
  if (same(existing, next)) return { ref: existing, change: "unchanged" };
  await call("Updating a conversation reference", () => list(sp, "conversations").items.getById(existing.id as number).update(fieldsOf(next), "*"));
  return { ref: { ...existing, ...next, upn: next.upn.toLowerCase() }, change: "updated" };
}

/** The person blocked or removed the bot: keep the reference, say why they are not being reminded. */
export async function markUnreachable(sp: SPFI, ref: ConversationRef, reason: string): Promise<void> {
  if (ref.id === undefined) throw new DataError("invalid", "Only a saved conversation reference can be marked unreachable.");
  await call("Marking a person unreachable", () =>
    list(sp, "conversations")
      .items.getById(ref.id as number)
      .update({ Unreachable: true, UnreachableReason: clip(reason) }, "*"),
  );
}

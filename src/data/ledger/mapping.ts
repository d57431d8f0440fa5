/** Ledger items ↔ LedgerEntry, and a claim or a mark → the item fields it writes. */
import type { LedgerEntry, LedgerState } from "../../domain/types.ts";
import type { Item } from "../queries.ts";
import { clip, etagOf, fromSpInstant, numberOf, textOf, toSpInstant } from "../values.ts";

export const LEDGER_SELECT = ["Id", "NudgeKey", "ActionRef", "OfficerId", "LeadTime", "RunAt", "LedgerState", "SentAt", "Attempts"] as const;

export function ledgerFrom(i: Item): LedgerEntry {
  return {
    id: i.Id,
    key: textOf(i.NudgeKey),
    actionId: numberOf(i.ActionRef),
    officerId: numberOf(i.OfficerId),
    leadTime: textOf(i.LeadTime),
    runAt: fromSpInstant(i.RunAt) ?? "",
    state: (textOf(i.LedgerState) || "pending") as LedgerState,
    sentAt: fromSpInstant(i.SentAt),
    attempts: numberOf(i.Attempts),
    etag: etagOf(i),
  };
}

/**
 * ActionRef of an officer's digest of the day (key `digest:<London date>:<officer id>`): the row that makes ONE
 * instance the sender of that officer's digest. -1 keeps these rows apart from nudges (> 0) and the EDI channel's
 * digests (0), which are read by ActionRef.
 */
export const DIGEST_LOCK_REF = -1;
export const digestLockKey = (londonDate: string, officerId: number) => `digest:${londonDate}:${officerId}`;

/**
 * Whether an entry may be taken over: "failed" (released, or refused for a reason that may pass), or "pending"
 * older than the lease (its run died). "sent", "uncertain" (Teams may have delivered it) and "skipped" are final.
 */
export function isClaimable(e: LedgerEntry, now: Date, leaseMs: number): boolean {
  if (e.state === "failed") return true;
  if (e.state !== "pending") return false;
  const at = Date.parse(e.runAt);
  return Number.isNaN(at) || now.getTime() - at >= leaseMs;
}

export interface Claim {
  key: string;
  actionId: number;
  /** Site user id of the officer (person column). 0 for entries that are not about one officer. */
  officerId: number;
  leadTime: string;
  runAt: Date;
  conversationId?: string;
}

/** A claim is a "pending" row: the first attempt, not yet sent. */
export function claimFields(c: Claim): Record<string, unknown> {
  return rowFields(c, { id: 0, state: "pending" });
}

/** A row recorded after the fact (a nudge that went out with its officer's digest): its outcome and the claim's identity. */
export type LedgerRecord = Omit<Claim, "conversationId"> & Omit<LedgerMark, "id">;

export function recordFields(r: LedgerRecord): Record<string, unknown> {
  return rowFields({ ...r, conversationId: r.conversationId ?? undefined }, { id: 0, state: r.state, sentAt: r.sentAt, messageId: r.messageId, conversationId: r.conversationId });
}

function rowFields(c: Claim, m: LedgerMark): Record<string, unknown> {
  return {
    Title: c.key,
    NudgeKey: c.key,
    ActionRef: c.actionId,
    OfficerId: c.officerId > 0 ? c.officerId : null,
    LeadTime: c.leadTime,
    RunAt: toSpInstant(c.runAt),
    Attempts: 1,
    ConversationId: c.conversationId ?? null,
    ...markFields(m),
  };
}

export interface LedgerMark {
  id: number;
  state: LedgerState;
  sentAt?: Date | null;
  messageId?: string | null;
  conversationId?: string | null;
}

/** Only what the mark says changes; null clears a column. */
export function markFields(m: LedgerMark): Record<string, unknown> {
  const fields: Record<string, unknown> = { LedgerState: m.state };
  if (m.sentAt !== undefined) fields.SentAt = m.sentAt ? toSpInstant(m.sentAt) : null;
  if (m.messageId !== undefined) fields.MessageId = m.messageId ? clip(m.messageId) : null;
  if (m.conversationId !== undefined) fields.ConversationId = m.conversationId ? clip(m.conversationId) : null;
  return fields;
}

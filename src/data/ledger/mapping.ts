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

export interface Claim {
  key: string;
  actionId: number;
  /** Site user id of the officer (person column). 0 for entries that are not about one officer. */
  officerId: number;
  leadTime: string;
  runAt: Date;
  conversationId?: string;
}

/** A claimed nudge is a "pending" row: the first attempt, not yet sent. */
export function claimFields(c: Claim): Record<string, unknown> {
  return {
    Title: c.key,
    NudgeKey: c.key,
    ActionRef: c.actionId,
    OfficerId: c.officerId > 0 ? c.officerId : null,
    LeadTime: c.leadTime,
    RunAt: toSpInstant(c.runAt),
    LedgerState: "pending",
    Attempts: 1,
    ConversationId: c.conversationId ?? null,
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

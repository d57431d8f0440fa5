/** Conversation items ↔ ConversationRef, and a reference → the item fields it writes. */
import { REACH_PROBLEMS } from "../../domain/constants.ts";
import type { ConversationRef } from "../../domain/types.ts";
import type { Item } from "../queries.ts";
import { clip, etagOf, fromSpInstant, numberOf, textOf, toSpInstant } from "../values.ts";

export type ReachProblem = (typeof REACH_PROBLEMS)[number];

export const CONVERSATION_SELECT = [
  "Id",
  "Title",
  "UserObjectId",
  "Upn",
  "DisplayName",
  "ConversationId",
  "ServiceUrl",
  "TenantId",
  "Unreachable",
  "UnreachableReason",
  "ReachProblem",
  "Failures",
  "Mail",
  "CheckedAt",
] as const;

export function conversationFrom(i: Item): ConversationRef {
  return {
    id: i.Id,
    userId: textOf(i.UserObjectId),
    upn: textOf(i.Upn),
    name: textOf(i.DisplayName),
    conversationId: textOf(i.ConversationId),
    serviceUrl: textOf(i.ServiceUrl),
    tenantId: textOf(i.TenantId),
    unreachable: i.Unreachable === true,
    unreachableReason: textOf(i.UnreachableReason) || null,
    problem: REACH_PROBLEMS.includes(i.ReachProblem as ReachProblem) ? (i.ReachProblem as ReachProblem) : null,
    failures: numberOf(i.Failures),
    mail: textOf(i.Mail) || null,
    checkedAt: fromSpInstant(i.CheckedAt),
    etag: etagOf(i),
  };
}

/** A reference not yet saved, or as it is about to be written. */
export type ConversationFields = Omit<ConversationRef, "id" | "etag">;

/** UPNs are kept lower-case: the indexed Upn column is compared exactly. */
export function conversationFields(ref: ConversationFields): Record<string, unknown> {
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
    ReachProblem: ref.problem ?? null,
    Failures: ref.failures ?? 0,
    Mail: ref.mail ? clip(ref.mail) : null,
    CheckedAt: ref.checkedAt ? toSpInstant(new Date(ref.checkedAt)) : null,
  };
}

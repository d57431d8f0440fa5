/**
 * Saves how to reach a person: on install and on every message in personal scope, their Entra object id, UPN,
 * conversation id, service URL and tenant go to "EAP Conversations" (one item per person). Coming back after
 * blocking the bot makes them reachable again. Writes only when something changed: a message costs one read.
 */
import type { Activity } from "@microsoft/teams.api";
import { getConversationByUserId, type UpsertResult, upsertConversation } from "../../data/conversations/index.ts";
import type { BotContext } from "../context.ts";
import { serviceUrlProblem } from "../sending/service-url.ts";

export interface MemberInfo {
  upn?: string;
  name?: string;
}

type Inbound = Pick<Activity, "from" | "conversation" | "serviceUrl" | "channelData">;

export function isPersonal(activity: Inbound): boolean {
  const t = activity.conversation?.conversationType;
  return t === undefined || t === "personal";
}

export async function captureConversation(ctx: BotContext, activity: Inbound, lookupMember: () => Promise<MemberInfo | undefined>): Promise<UpsertResult | null> {
  if (!isPersonal(activity)) return null;
  const objectId = activity.from?.aadObjectId;
  const conversationId = activity.conversation?.id;
  const serviceUrl = activity.serviceUrl;
  if (!objectId || !conversationId || !serviceUrl) {
    ctx.log.debug({ conversationId }, "activity without an Entra object id, conversation or service URL: not saved");
    return null;
  }
  // Checked again before every send; refusing it here keeps a bad URL out of the list in the first place.
  const problem = serviceUrlProblem(serviceUrl, ctx.serviceUrls);
  if (problem) {
    ctx.log.warn({ conversationId, problem }, "activity's service URL is not a Teams service URL: conversation not saved");
    return null;
  }
  const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? "";
  const existing = await getConversationByUserId(ctx.sp, objectId);
  if (existing?.upn && existing.conversationId === conversationId && existing.serviceUrl === serviceUrl && !existing.unreachable) {
    return { ref: existing, change: "unchanged" };
  }
  let upn = existing?.upn ?? "";
  let name = activity.from?.name ?? existing?.name ?? "";
  if (!upn) {
    // Teams does not put the UPN on activities; its member API has it.
    try {
      const m = await lookupMember();
      // The UPN only: an email may differ from it, or be missing (an account without a mailbox).
      upn = (m?.upn ?? "").toLowerCase();
      name = name || m?.name || "";
    } catch (err) {
      ctx.log.warn({ err: String(err) }, "could not look up the person's UPN; saved without it");
    }
  }
  const result = await upsertConversation(ctx.sp, {
    userId: objectId,
    upn,
    name,
    conversationId,
    serviceUrl,
    tenantId,
    unreachable: false,
    unreachableReason: null,
  });
  if (result.change !== "unchanged") ctx.log.info({ upn, change: result.change }, "conversation reference saved");
  return result;
}

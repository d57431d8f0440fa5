/**
 * Who sent an activity. Teams names the sender by Entra object id; the UPN comes from their saved conversation
 * reference or, failing that, from Teams' member API (`GET /v3/conversations/{id}/members/{userId}`).
 */
import { type Activity, Client as ConnectorClient } from "@microsoft/teams.api";
import type { Client as HttpClient } from "@microsoft/teams.common";
import type { BotContext } from "../context.ts";
import { SendError } from "../errors.ts";
import { type ServiceUrlPolicy, serviceUrlProblem } from "../sending/service-url.ts";
import { type Actor, resolveUpn } from "../identity.ts";
import type { MemberInfo } from "./conversation-capture.ts";

/** Teams' member API for the activity's sender, with the bot's own token (so only on a Teams service URL). */
export const memberLookup = (outbound: HttpClient, act: Activity, policy: ServiceUrlPolicy) => async (): Promise<MemberInfo | undefined> => {
  const from = act.from;
  if (!from?.id || !act.conversation?.id) return undefined;
  const problem = serviceUrlProblem(act.serviceUrl ?? "", policy);
  if (problem) throw new SendError("unsafe-service-url", `Teams' member API not called: ${problem}`);
  const client = new ConnectorClient((act.serviceUrl ?? "").replace(/\/+$/, ""), outbound);
  const m = (await client.conversations.members(act.conversation.id).getById(from.id)) as { userPrincipalName?: string; name?: string };
  return { upn: m.userPrincipalName, name: m.name };
};

export async function actorOf(ctx: BotContext, outbound: HttpClient, act: Activity): Promise<Actor> {
  const objectId = act.from?.aadObjectId ?? "";
  return { objectId, name: act.from?.name ?? "", upn: await resolveUpn(ctx.sp, objectId, async () => (await memberLookup(outbound, act, ctx.serviceUrls)())?.upn) };
}

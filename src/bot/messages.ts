/**
 * What the bot answers when people write to it. It is a reminder bot, not a chatbot: it answers "unreachable"
 * (who is not being reminded) to members of the EDI group, and otherwise says what it does.
 */
import { getConversations } from "../data/conversations/index.ts";
import { currentPlan, getPlanActions } from "../data/index.ts";
import { buildAnswerCard } from "./cards/answer-card.ts";
import type { Card } from "./cards/common.ts";
import { buildUnreachableCard } from "./cards/unreachable-card.ts";
import type { BotContext } from "./context.ts";
import type { Authorizer } from "./identity.ts";

const UNREACHABLE = /\b(unreachable|not being reminded|who is not (being )?reminded)\b/i;

export function helpCard(): Card {
  return buildAnswerCard("info", [
    "I remind responsible officers when their equality actions are due or overdue, in one message you can act on: add an update, mark complete, propose a new date or snooze.",
    "Members of the EDI group can ask me \"unreachable\" to see who is not being reminded.",
  ]);
}

/** People who blocked or removed the bot, and owners of open actions who never installed it. */
export async function whoIsNotReminded(ctx: BotContext): Promise<[Awaited<ReturnType<typeof getConversations>>, string[]]> {
  const [refs, plan] = await Promise.all([getConversations(ctx.sp), currentPlan(ctx.sp)]);
  const known = new Set(refs.map((r) => r.upn.toLowerCase()));
  const missing = new Map<string, string>();
  if (plan) {
    for (const a of await getPlanActions(ctx.sp, plan.id)) {
      if (a.status === "complete" || a.disposition !== "open" || !a.owner?.email) continue;
      if (!known.has(a.owner.email.toLowerCase())) missing.set(a.owner.email.toLowerCase(), `${a.owner.name} (${a.owner.email})`);
    }
  }
  return [refs.filter((r) => r.unreachable), [...missing.values()].sort()];
}

export async function answerMessage(ctx: BotContext, auth: Authorizer, text: string, upn: string): Promise<Card> {
  if (UNREACHABLE.test(text)) {
    if (!(await auth.isEdiMember(upn))) {
      return buildAnswerCard("refused", ["Only members of the EDI group can see who is not being reminded."]);
    }
    return buildUnreachableCard(...(await whoIsNotReminded(ctx)));
  }
  return helpCard();
}

/**
 * Universal Actions (`adaptiveCard/action` invokes): the handler answers with a card for the person who pressed,
 * and when it wrote, the sent message is replaced too so the new state shows wherever it is displayed.
 */
import type { Activity } from "@microsoft/teams.api";
import type { App } from "@microsoft/teams.apps";
import { handleCardAction } from "../card-actions/handle-card-action.ts";
import { buildAnswerCard } from "../cards/answer-card.ts";
import { attachment, CARD_CONTENT_TYPE, type Card } from "../cards/common.ts";
import { memberLookup } from "./actor.ts";
import type { RouteDeps } from "./route-deps.ts";

type Invoke = Activity & { value?: { action?: { verb?: string; data?: unknown } }; replyToId?: string; id?: string };

export function registerCardActionRoute(app: App, { ctx, outbound }: RouteDeps): void {
  app.on("card.action", async ({ activity }) => {
    const act = activity as Invoke;
    const verb = String(act.value?.action?.verb ?? "");
    let card: Card;
    try {
      const result = await handleCardAction(ctx, {
        verb,
        data: act.value?.action?.data,
        actor: { objectId: act.from?.aadObjectId ?? "", name: act.from?.name ?? "" },
        lookupUpn: async () => (await memberLookup(outbound, act, ctx.serviceUrls)())?.upn,
        invokeId: act.id ?? `${Date.now()}`,
      });
      card = result.card;
      ctx.log.info({ verb, outcome: result.outcome, upn: result.upn }, "card action");
      if (result.wrote && act.replyToId && act.conversation?.id && act.serviceUrl) {
        await ctx.sender
          .update({ serviceUrl: act.serviceUrl, conversationId: act.conversation.id }, act.replyToId, { type: "message", attachments: [attachment(card)] })
          .catch((err) => ctx.log.warn({ err: String(err) }, "could not update the sent card"));
      }
    } catch (err) {
      ctx.log.error({ err: String(err), verb }, "card action failed");
      card = buildAnswerCard("error", ["Nothing was saved: SharePoint could not be reached. Please try again in a few minutes."]);
    }
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card } as never;
  });
}

/** Messages in personal chat: the reference is refreshed, then the bot answers (see ../messages.ts). */
import type { Activity } from "@microsoft/teams.api";
import type { App } from "@microsoft/teams.apps";
import { buildAnswerCard } from "../cards/answer-card.ts";
import { attachment, type Card } from "../cards/common.ts";
import { answerMessage } from "../messages.ts";
import { serviceUrlProblem } from "../sending/service-url.ts";
import { actorOf } from "./actor.ts";
import type { RouteDeps } from "./route-deps.ts";

export function registerMessageRoute(app: App, { ctx, outbound, capture }: RouteDeps): void {
  app.on("message", async ({ activity, send }) => {
    // The answer goes to the activity's service URL with the bot's token: only to Teams (or loopback locally).
    const problem = serviceUrlProblem(activity.serviceUrl ?? "", ctx.serviceUrls);
    if (problem) {
      ctx.log.warn({ problem }, "message ignored: its service URL is not a Teams service URL");
      return;
    }
    const captured = await capture(activity as Activity);
    const upn = captured?.ref.upn ?? (await actorOf(ctx, outbound, activity as Activity)).upn;
    let card: Card;
    try {
      card = await answerMessage(ctx, activity.text ?? "", upn);
    } catch (err) {
      ctx.log.error({ err: String(err) }, "could not answer a message");
      card = buildAnswerCard("error", ["I could not read the plan just now. Please try again in a few minutes."]);
    }
    await send({ type: "message", attachments: [attachment(card)] } as never);
  });
}

/**
 * Installation and conversation events: the person's conversation reference is saved on install and on every
 * conversation update; removing the app marks them unreachable, so the equalities lead sees who is not reminded.
 */
import type { Activity } from "@microsoft/teams.api";
import type { App } from "@microsoft/teams.apps";
import { getConversationByUserId, markUnreachable } from "../../data/conversations/index.ts";
import type { RouteDeps } from "./route-deps.ts";

export function registerInstallRoutes(app: App, { ctx, capture }: RouteDeps): void {
  app.on("install.add", async ({ activity }) => {
    await capture(activity as Activity);
  });
  app.on("install.remove", async ({ activity }) => {
    // Removing the app ends the conversation: say so, so the equalities lead sees who is not being reminded.
    try {
      const ref = activity.from?.aadObjectId ? await getConversationByUserId(ctx.sp, activity.from.aadObjectId) : null;
      if (ref && !ref.unreachable) await markUnreachable(ctx.sp, ref, "Removed the app in Teams");
    } catch (err) {
      ctx.log.error({ err: String(err) }, "could not record that the app was removed");
    }
  });
  app.on("conversationUpdate", async ({ activity }) => {
    await capture(activity as Activity);
  });
}

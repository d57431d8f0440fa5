/**
 * The bot's routes on the Teams SDK app, as microsoft/teams.ts registers its own: installation and conversation
 * events, messages, card actions. Each module registers its handlers; this one gives them what they share.
 */
import type { Activity } from "@microsoft/teams.api";
import type { App } from "@microsoft/teams.apps";
import { memberLookup } from "./actor.ts";
import { registerCardActionRoute } from "./card-action.ts";
import { captureConversation } from "./conversation-capture.ts";
import { registerInstallRoutes } from "./install.ts";
import { registerMessageRoute } from "./message.ts";
import type { RouteDeps } from "./route-deps.ts";

export function registerRoutes(app: App, deps: Omit<RouteDeps, "capture">): void {
  const capture = async (act: Activity) => {
    try {
      return await captureConversation(deps.ctx, act, memberLookup(deps.outbound, act, deps.ctx.serviceUrls));
    } catch (err) {
      deps.ctx.log.error({ err: String(err) }, "could not save the conversation reference");
      return null;
    }
  };
  const all: RouteDeps = { ...deps, capture };
  registerInstallRoutes(app, all);
  registerMessageRoute(app, all);
  registerCardActionRoute(app, all);
}

/** What the route modules share. */
import type { Activity } from "@microsoft/teams.api";
import type { Client as HttpClient } from "@microsoft/teams.common";
import type { UpsertResult } from "../../data/conversations/index.ts";
import type { BotContext } from "../context.ts";

export interface RouteDeps {
  ctx: BotContext;
  /** The bot's outbound HTTP client (its token), for Teams' member API. */
  outbound: HttpClient;
  /** Saves the sender's conversation reference; null when the activity is not one to save or saving failed. */
  capture(act: Activity): Promise<UpsertResult | null>;
}

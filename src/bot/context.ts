/** What every part of the bot shares: SharePoint, the sender, the policy, links, the clock and small caches. */
import type { ReminderPolicy } from "../domain/reminder-policy.ts";
import type { SPFI } from "../data/index.ts";
import type { PinoLike } from "./logger.ts";
import type { TeamsSender } from "./sending/sender.ts";
import type { ServiceUrlPolicy } from "./sending/service-url.ts";

export interface Links {
  appBaseUrl: string;
  teamsAppId?: string;
}

export interface BotContext {
  sp: SPFI;
  sender: TeamsSender;
  policy: ReminderPolicy;
  links: Links;
  log: PinoLike;
  now: () => Date;
  /** A crashed run's "pending" claims are taken over after this long. */
  leaseMs: number;
  ediChannel?: { conversationId: string; serviceUrl: string };
  /** Which service URLs may receive the bot's token (Teams hosts; loopback too in local mode). */
  serviceUrls: ServiceUrlPolicy;
}

/** What every part of the bot shares: SharePoint, the sender, the policy, links, the clock and small caches. */
import type { SPFI } from "../data/index.ts";
import type { ReminderPolicy } from "../domain/reminder-policy.ts";
import type { GraphClient, Mailer } from "../graph/index.ts";
import type { EmailMode } from "./options.ts";
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
  /** Installing the app for officers who never opened it (Graph), when configured. */
  reach?: Reach;
  email: { mode: EmailMode; mailer?: Mailer };
}

export interface Reach {
  graph: GraphClient;
  /** The app's manifest id; the org catalog's own id for it is looked up once and kept. */
  manifestId: string;
  catalogAppId?: Promise<string>;
  /** Service URL of conversations opened through Graph. */
  serviceUrl: string;
  tenantId: string;
}

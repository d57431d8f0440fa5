/**
 * The write API inside the production server: the commands run with the app's own identity towards SharePoint
 * (the same sign-in the bot uses: Sites.Selected app-only in a tenant, the local app's grant locally), and callers
 * are authenticated as the server's mode says (./authenticate.ts).
 */
import type { Caller, CommandContext } from "../../commands/index.ts";
import type { ServerConfig } from "../../config/server-config.ts";
import { createSp } from "../../data/create-sp.ts";
import type { SpAuth } from "../../data/auth/token-auth.ts";
import { DEFAULT_REMINDER_POLICY } from "../../domain/reminder-policy.ts";
import type { MeetingReader } from "../../bot/meetings.ts";
import type { Logger } from "../logger.ts";
import { type Authenticate, entraAuthenticator, localAuthenticator } from "./authenticate.ts";
import { type ApiHandler, createApi } from "./handle-api.ts";

export { API_PREFIXES, isApiPath } from "./routes.ts";
export type { ApiHandler, Authenticate, Caller };

export interface ApiSeams {
  /** Where Entra's signing keys are read (tests serve their own); default: the tenant's v2.0 keys. */
  entraJwksUri?: string;
  now?: () => Date;
  /** Who reads a meeting's details from Teams: the mounted bot's, or (npm start) the separately run bot's. */
  meeting?: () => MeetingReader | undefined;
  /** How long Teams may take to give a meeting's details (default 8 s). */
  meetingTimeoutMs?: number;
}

export function authenticatorFor(c: ServerConfig, seams: ApiSeams = {}): Authenticate {
  if (c.mode === "local") return localAuthenticator({ siteUrl: c.siteUrl });
  const clientId = c.tabClientId ?? "";
  return entraAuthenticator({
    tenantId: c.tenantId ?? "",
    audiences: [clientId, ...(c.publicHost ? [`api://${c.publicHost}/${clientId}`] : [])],
    jwksUri: seams.entraJwksUri,
  });
}

export function mountApi(c: ServerConfig, spAuth: SpAuth, log: Logger, seams: ApiSeams = {}): ApiHandler {
  const ctx: CommandContext = { sp: createSp(c.siteUrl, spAuth), now: seams.now ?? (() => new Date()), policy: DEFAULT_REMINDER_POLICY };
  return createApi({ ctx, authenticate: authenticatorFor(c, seams), maxBodyBytes: c.maxBodyBytes, log: log.child({ component: "api" }), meeting: seams.meeting, meetingTimeoutMs: seams.meetingTimeoutMs });
}

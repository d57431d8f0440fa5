/**
 * The local Teams stand-in's meeting details (`GET /v1/meetings/{meetingId}`), as strict as Teams: the bot's own
 * token is required (401 without it, or with anyone else's), a meeting Teams does not know is 404, and a meeting in
 * whose chat the app is not installed is 403 (the RSC OnlineMeeting.ReadBasic.Chat comes with the installation).
 * The answer has Teams' shape: { details: {…}, conversation: {…}, organizer: {…} } (docs/bot.md, "Meeting details").
 *
 * The bot's token, locally, is an unsigned app-only development token naming the bot's app id (`appid`/`azp`), as
 * the local list server's are: its claims are read, never verified (loopback only).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInMeeting {
  /** The meeting id teams-js gives the tab (`context.meeting.id`): base64. */
  id: string;
  title: string;
  /** ISO instants (UTC). */
  scheduledStartTime: string;
  scheduledEndTime: string;
  /** The meeting chat's id (`context.chat.id`). */
  chatId: string;
  /** Whether the app is installed in the meeting's chat (added to the meeting). */
  installed: boolean;
  organizerOid?: string;
}

const reply = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(value));
};

/** The app id an app-only bearer token names, or null (no token, not a JWT, a person's token). */
function appIdOf(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? "").trim());
  const payload = m?.[1].split(".")[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    if (claims.idtyp !== "app" || (typeof claims.exp === "number" && claims.exp * 1000 < Date.now())) return null;
    return typeof claims.appid === "string" ? claims.appid : typeof claims.azp === "string" ? claims.azp : null;
  } catch {
    return null;
  }
}

/** Answers `GET /v1/meetings/{id}` (`rawPath`: not yet percent-decoded) and returns true, or false for any other path. */
export function meetingRoute(meetings: readonly StandInMeeting[], botAppId: string) {
  return (req: IncomingMessage, res: ServerResponse, rawPath: string): boolean => {
    const m = /^\/v1\/meetings\/([^/]+)$/.exec(rawPath);
    if (!m) return false;
    if (req.method !== "GET") {
      reply(res, 405, { error: { code: "MethodNotAllowed", message: `${req.method} is not supported here.` } });
      return true;
    }
    if (appIdOf(req) !== botAppId) {
      reply(res, 401, { message: "Authorization has been denied for this request." });
      return true;
    }
    let id = "";
    try {
      id = decodeURIComponent(m[1]);
    } catch {
      // not percent-encoding: no meeting has that id
    }
    const meeting = meetings.find((x) => x.id === id);
    if (!meeting) {
      reply(res, 404, { error: { code: "NotFound", message: "The meeting was not found or has expired." } });
      return true;
    }
    if (!meeting.installed) {
      reply(res, 403, { error: { code: "BotNotInConversationRoster", message: "The bot is not part of the conversation roster." } });
      return true;
    }
    reply(res, 200, {
      details: {
        id: meeting.id,
        msGraphResourceId: Buffer.from(`0*${meeting.organizerOid ?? ""}*0**${meeting.chatId}`).toString("base64"),
        scheduledStartTime: meeting.scheduledStartTime,
        scheduledEndTime: meeting.scheduledEndTime,
        joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(meeting.chatId)}/0`,
        title: meeting.title,
        type: "Scheduled",
      },
      conversation: { isGroup: true, conversationType: "groupChat", id: meeting.chatId },
      organizer: { id: `29:${meeting.organizerOid ?? "organizer"}`, aadObjectId: meeting.organizerOid ?? null, tenantId: null },
    });
    return true;
  };
}

export interface MeetingsStandIn {
  /** The Bot Connector service URL to give the bot. */
  serviceUrl: string;
  /** How many requests arrived (any path, any answer). */
  requests(): number;
  close(): Promise<void>;
}

/** The meeting details API alone on a loopback port (integration tests; `npm start` mounts meetingRoute in its inbox). */
export async function startMeetingsStandIn(o: { meetings: readonly StandInMeeting[]; botAppId: string }): Promise<MeetingsStandIn> {
  const route = meetingRoute(o.meetings, o.botAppId);
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    if (!route(req, res, new URL(req.url ?? "/", "http://127.0.0.1").pathname)) reply(res, 404, { error: { code: "NotFound", message: "No such route." } });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests: () => count,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/**
 * `npm start`'s stand-in for Teams' Bot Connector on the proactive side: where the bot's sends to conversations it
 * opened through Graph (installing the app) go on this machine. It accepts a send or an update of a message
 * (`POST /v3/conversations/{id}/activities`, `PUT …/activities/{activityId}`), keeps it, and lists what arrived at
 * `GET /_inbox` (JSON: conversation, time, the card's text), so a developer can see what each officer got. Chatting
 * with the bot stays in Agents Playground. Loopback only; nothing is checked on sends (no token, no size): the bot
 * tests' capture server plays Teams' refusals. A meeting's details (`GET /v1/meetings/{id}`) are answered as
 * strictly as Teams answers them (./dev-teams-meetings.ts).
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { meetingRoute, type StandInMeeting } from "../local/index.ts";

export type { StandInMeeting };

export interface TeamsInboxOptions {
  port?: number;
  /** Meetings Teams knows, for the meeting details API. */
  meetings?: readonly StandInMeeting[];
  /** The bot's app id: only its token may read a meeting's details. */
  botAppId?: string;
}

export interface TeamsInbox {
  /** The service URL to give the bot (its proactive sends). */
  serviceUrl: string;
  /** The page listing what arrived. */
  inboxUrl: string;
  received(): number;
  close(): Promise<void>;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => ok(Buffer.concat(chunks).toString("utf8")));
    req.on("error", fail);
  });

export async function startTeamsInbox(o: TeamsInboxOptions = {}): Promise<TeamsInbox> {
  const meetings = meetingRoute(o.meetings ?? [], o.botAppId ?? "");
  const messages: Array<{ conversationId: string; at: string; summary: string; activity: unknown }> = [];
  let next = 1;
  const server = createServer(async (req, res) => {
    const raw = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    // The meeting id is one path segment, decoded on its own: base64 ids may hold a "/" (sent as %2F).
    if (meetings(req, res, raw)) return;
    const path = decodeURIComponent(raw);
    const body = await read(req);
    const m = /^\/v3\/conversations\/(.+)\/activities(?:\/([^/]+))?$/.exec(path);
    const reply = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (m && (req.method === "POST" || req.method === "PUT")) {
      let activity: { summary?: string } = {};
      try {
        activity = JSON.parse(body || "{}");
      } catch {
        return reply(400, { error: { code: "BadSyntax", message: "Invalid JSON" } });
      }
      messages.push({ conversationId: m[1], at: new Date().toISOString(), summary: activity.summary ?? "", activity });
      return reply(req.method === "POST" ? 201 : 200, { id: m[2] ?? `inbox-${next++}` });
    }
    if (req.method === "GET" && path === "/_inbox") return reply(200, messages);
    reply(404, { error: { code: "NotFound", message: `No route for ${req.method} ${path}` } });
  });
  await new Promise<void>((ok) => server.listen(o.port ?? 0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serviceUrl: `${base}/`,
    inboxUrl: `${base}/_inbox`,
    received: () => messages.length,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/**
 * The server's write API: every write of the tab comes here (/api/actions/…, /api/eqias/…). A request is authenticated (./authenticate.ts),
 * its body read under the size cap and parsed as JSON (JSON only), and handed to the checked command, which writes
 * with the app's identity. Answers: 200 with what happened and the action as it now stands; otherwise
 * { reason, message } with 400 (bad input), 401 (not signed in), 403 (not theirs to do), 404, 409 (settled, or
 * already decided), 412 (changed since they saw it: with `changes` and `current`), 413 (too large), 415.
 * Its one read, GET /api/meetings/{id} (the review's date from Teams), is ./meetings.ts.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CommandError, type CommandContext } from "../../commands/index.ts";
import { DataError } from "../../data/errors.ts";
import type { Logger } from "../logger.ts";
import { BodyError, parseJson, readBody } from "../read-body.ts";
import { ApiError } from "./api-error.ts";
import type { Authenticate } from "./authenticate.ts";
import { routeOf } from "./routes.ts";
import { meetingDate, meetingIdOf } from "./meetings.ts";
import type { MeetingReader } from "../../bot/meetings.ts";

export interface ApiOptions {
  ctx: CommandContext;
  authenticate: Authenticate;
  maxBodyBytes: number;
  log: Logger;
  /** The bot's reader of a meeting's details (mounted after the API, hence asked each time), if a bot runs. */
  meeting?: () => MeetingReader | undefined;
  meetingTimeoutMs?: number;
}

export type ApiHandler = (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void>;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.setHeader("Cache-Control", "no-store");
  res.end(text);
}

async function jsonBody(req: IncomingMessage, maxBytes: number): Promise<Record<string, unknown>> {
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new ApiError("unsupported-media-type", "Send the request as JSON (Content-Type: application/json).");
  const body = parseJson(await readBody(req, maxBytes));
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ApiError("invalid", "The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

/** Answers, then closes the connection: the rest of an upload the server will not read is not waited for. */
function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("Connection", "close");
  res.on("finish", () => req.destroy());
}

export function createApi(o: ApiOptions): ApiHandler {
  return async (req, res, requestId) => {
    const path = (req.url ?? "/").split("?")[0];
    let bodyRead = false;
    try {
      // The one read of the API (./meetings.ts): GET, no body.
      const meetingId = meetingIdOf(path);
      if (meetingId !== null) {
        if (req.method !== "GET") {
          res.setHeader("Allow", "GET");
          throw new ApiError("method-not-allowed", `Use GET for ${path}.`);
        }
        const caller = await o.authenticate(req);
        return send(res, 200, await meetingDate(o.ctx, caller, meetingId, o.meeting?.(), o.meetingTimeoutMs));
      }
      const found = routeOf(path);
      if (!found) throw new ApiError("not-found", `Nothing at ${path}.`);
      if (req.method !== "POST") {
        res.setHeader("Allow", "POST");
        throw new ApiError("method-not-allowed", `Use POST for ${path}.`);
      }
      // Who asks is settled before the body is read: an anonymous caller costs no more than its headers.
      const caller = await o.authenticate(req);
      // A route with a large body first checks who may use it at all: someone who may not costs no upload.
      if (found.route.allowed) await found.route.allowed(o.ctx, caller);
      // A route that takes a file says how large its body may be (an import: the file's own limit).
      const body = await jsonBody(req, found.route.maxBytes ?? o.maxBodyBytes);
      bodyRead = true;
      const result = await found.route.run(o.ctx, caller, found.route.input(body, found.ids) as never);
      o.log.info({ reqId: requestId, caller: caller.oid, path, outcome: result.outcome }, "command");
      send(res, 200, { ...result, action: "action" in result ? result.action : null, update: "update" in result ? (result.update ?? null) : null });
    } catch (err) {
      if (err instanceof CommandError) {
        o.log.info({ reqId: requestId, path, refused: err.reason }, "command refused");
        // Refused before its body was read (a route's `allowed`): do not read the upload either.
        if (!bodyRead) closeAfterAnswer(req, res);
        return send(res, err.status, { ...err.details, reason: err.reason, message: err.message, field: err.field, changes: err.changes, current: err.current, requestId });
      }
      if (err instanceof ApiError) {
        if (err.status === 401) res.setHeader("WWW-Authenticate", 'Bearer error="invalid_token"');
        return send(res, err.status, { reason: err.reason, message: err.message, requestId });
      }
      if (err instanceof DataError && err.reason === "throttled") {
        return send(res, 503, { reason: "busy", message: "SharePoint is busy: nothing was saved. Try again in a minute.", requestId });
      }
      if (err instanceof BodyError) {
        // Do not keep reading an oversized upload on this connection: answer, then close it.
        if (err.status === 413) closeAfterAnswer(req, res);
        return send(res, err.status, { reason: err.reason, message: err.message, requestId });
      }
      throw err;
    }
  };
}

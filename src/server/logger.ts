/**
 * Structured JSON logs (pino) with a request id on every line about a request. An incoming X-Request-Id (App
 * Service / Front Door set one) is kept when it is sane, so a request can be followed across hops.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "equality-action-plan" },
      // Tokens and secrets must never reach the logs, even if someone logs a request or a config object.
      redact: { paths: ["req.headers.authorization", "headers.authorization", "*.botSecret", "*.certKeyPath", "authorization"], censor: "[redacted]" },
    },
    destination,
  );
}

export function requestId(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}

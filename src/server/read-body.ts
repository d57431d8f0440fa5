/**
 * Reads a request body with a hard size cap, before anything parses it: a declared Content-Length over the cap is
 * refused at once, a chunked body as soon as it crosses the cap. Bytes past the cap are never buffered.
 */
import type { IncomingMessage } from "node:http";

export class BodyError extends Error {
  readonly reason: "too-large" | "invalid-json" | "aborted";
  readonly status: 413 | 400;
  constructor(reason: "too-large" | "invalid-json" | "aborted", message: string) {
    super(message);
    this.name = "BodyError";
    this.reason = reason;
    this.status = reason === "too-large" ? 413 : 400;
  }
}

export function declaredTooLarge(req: IncomingMessage, maxBytes: number): boolean {
  const declared = Number(req.headers["content-length"]);
  return Number.isFinite(declared) && declared > maxBytes;
}

export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (declaredTooLarge(req, maxBytes))
    return Promise.reject(new BodyError("too-large", `The request body (${req.headers["content-length"]} bytes) is larger than the ${maxBytes}-byte limit.`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > maxBytes) {
        failed = true;
        chunks.length = 0;
        reject(new BodyError("too-large", `The request body is larger than the ${maxBytes}-byte limit.`));
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on("aborted", () => {
      if (!failed) reject(new BodyError("aborted", "The client closed the connection before sending the whole body."));
      failed = true;
    });
    req.on("error", (err) => {
      if (!failed) reject(new BodyError("aborted", err.message));
      failed = true;
    });
  });
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch (err) {
    throw new BodyError("invalid-json", `The request body is not valid JSON: ${(err as Error).message}`);
  }
}

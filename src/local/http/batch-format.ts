/**
 * OData `$batch` as SharePoint speaks it to PnPjs: a multipart/mixed body whose GETs are top-level parts and whose
 * writes sit in changesets. The answer is one flat `--batchresponse_` part per request, in order (PnPjs' parser
 * expects exactly that, and the closing boundary line must end with a newline).
 */
import { randomUUID } from "node:crypto";
import { Codes, SpError } from "../errors";

export interface BatchPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Which changeset of the batch the part sits in (0, 1, ...); undefined for a top-level GET. */
  changeset?: number;
}

/** The most requests one `$batch` may carry (PnP Core's MaxRequestsInSharePointRestBatch; 200 adds have been refused). */
export const MAX_BATCH_REQUESTS = 100;

export interface BatchPartResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const broken = (why: string) => new SpError(400, "-1, Microsoft.Data.OData.ODataException", why);

export function boundaryOf(contentType: string | undefined): string {
  const m = /boundary="?([^";]+)"?/i.exec(contentType ?? "");
  if (!m || !/^multipart\/mixed/i.test(contentType ?? "")) {
    throw broken("The batch request must have a \"Content-Type\" header of \"multipart/mixed\" with a boundary parameter.");
  }
  return m[1];
}

function splitParts(body: string, boundary: string): string[] {
  const lines = body.split("\n");
  const parts: string[] = [];
  let cur: string[] | null = null;
  let closed = false;
  for (const line of lines) {
    const t = line.trimEnd();
    if (t === `--${boundary}--`) {
      if (cur) parts.push(cur.join("\n"));
      cur = null;
      closed = true;
      break;
    }
    if (t === `--${boundary}`) {
      if (cur) parts.push(cur.join("\n"));
      cur = [];
      continue;
    }
    if (cur) cur.push(line);
  }
  if (!closed) throw broken(`The batch is missing its closing boundary '--${boundary}--'.`);
  return parts;
}

function readHeaders(lines: string[], start: number): [Record<string, string>, number] {
  const headers: Record<string, string> = {};
  let i = start;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === "") return [headers, i + 1];
    const c = l.indexOf(":");
    if (c < 0) throw broken(`Invalid header line '${l}' in a batch part.`);
    headers[l.slice(0, c).trim().toLowerCase()] = l.slice(c + 1).trim();
  }
  return [headers, i];
}

function parseHttpPart(text: string): BatchPart {
  const lines = text.split("\n");
  const [, afterMime] = readHeaders(lines, 0);
  let i = afterMime;
  while (i < lines.length && lines[i].trim() === "") i++;
  const m = /^([A-Z]+)\s+(\S+)\s+HTTP\/1\.[01]$/i.exec((lines[i] ?? "").trim());
  if (!m) throw broken(`Invalid request line '${lines[i] ?? ""}' in a batch part.`);
  const [headers, bodyStart] = readHeaders(lines, i + 1);
  const body = lines.slice(bodyStart).join("\n").replace(/\n+$/, "");
  return { method: m[1].toUpperCase(), url: m[2], headers, body };
}

/** Every request of a batch, in order, changesets flattened. */
export function parseBatch(body: string, contentType: string | undefined): BatchPart[] {
  const text = body.replace(/\r\n/g, "\n");
  const out: BatchPart[] = [];
  let changesets = 0;
  for (const part of splitParts(text, boundaryOf(contentType))) {
    const lines = part.split("\n");
    const [headers] = readHeaders(lines, 0);
    const ct = headers["content-type"] ?? "";
    if (/^multipart\/mixed/i.test(ct)) {
      const changeset = changesets++;
      for (const sub of splitParts(part, boundaryOf(ct))) out.push({ ...parseHttpPart(sub), changeset });
    } else if (/^application\/http/i.test(ct)) {
      out.push(parseHttpPart(part));
    } else if (part.trim() !== "") {
      throw broken(`A batch part has the unsupported Content-Type '${ct}'.`);
    }
  }
  if (out.length === 0) throw broken("The batch contains no requests.");
  if (out.length > MAX_BATCH_REQUESTS) {
    throw new SpError(400, Codes.odata, `The batch contains ${out.length} requests; SharePoint accepts at most ${MAX_BATCH_REQUESTS} in one $batch.`);
  }
  return out;
}

const STATUS_TEXT: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Request Entity Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};
export const statusText = (s: number) => STATUS_TEXT[s] ?? "Unknown";

export function buildBatchResponse(responses: BatchPartResponse[]): { boundary: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const chunks: string[] = [];
  for (const r of responses) {
    chunks.push(`--${boundary}\nContent-Type: application/http\nContent-Transfer-Encoding: binary\n\n`);
    chunks.push(`HTTP/1.1 ${r.status} ${statusText(r.status)}\n`);
    for (const [k, v] of Object.entries(r.headers)) chunks.push(`${k.toUpperCase()}: ${v}\n`);
    // Bodies are single-line JSON, so no body line can look like a boundary.
    chunks.push(`\n${r.body}\n`);
  }
  chunks.push(`--${boundary}--\n`);
  return { boundary, body: chunks.join("") };
}

/**
 * A proxy in front of the local SharePoint that makes two clients' `$batch` requests race part by part, as two
 * bot instances' batches can interleave inside SharePoint. Batches chosen by `interleave(body)` wait (up to
 * `pairWithinMs`) for a partner; a pair is then executed one part at a time, alternating which batch goes first at
 * each position (A1 B1, B2 A2, A3 B3, ...), so that each batch wins some of the contested parts. Each part is
 * forwarded on its own as a one-request `$batch`, and the answers are put back together in order.
 *
 * `mode`: "cascade" fails the later parts of a changeset after one failed (500 IndexOutOfRangeException, as
 * SharePoint has been seen to do); "independent" lets every part stand alone (the other behaviour seen).
 * Everything else is passed through untouched.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "./capture-server.ts";

export interface BatchInterleaver {
  /** The site URL to give the clients (same path, the proxy's origin). */
  siteUrl: string;
  /** Pairs of batches executed part by part so far. */
  pairs: number;
  close(): Promise<void>;
}

interface Part {
  method: string;
  url: string;
  headers: string[];
  body: string;
  /** Index of the changeset the part sits in; undefined for a top-level GET. */
  changeset?: number;
}

interface Answer {
  status: number;
  /** The part as SharePoint answered it: its MIME headers, status line, headers and body. */
  text: string;
}

const CASCADE_FAILURE =
  'Content-Type: application/http\nContent-Transfer-Encoding: binary\n\nHTTP/1.1 500 Internal Server Error\nCONTENT-TYPE: application/json;odata=minimalmetadata;streaming=true;charset=utf-8\n\n{"odata.error":{"code":"-1, System.IndexOutOfRangeException","message":{"lang":"en-US","value":"Index was outside the bounds of the array."}}}';

function split(text: string, boundary: string): string[] {
  const out: string[] = [];
  let cur: string[] | null = null;
  for (const line of text.split("\n")) {
    const t = line.trimEnd();
    if (t === `--${boundary}--`) break;
    if (t === `--${boundary}`) {
      if (cur) out.push(cur.join("\n"));
      cur = [];
    } else if (cur) cur.push(line);
  }
  if (cur) out.push(cur.join("\n"));
  return out;
}

const boundaryOf = (contentType: string) => /boundary="?([^";\s]+)"?/i.exec(contentType)?.[1] ?? "";

function parseRequest(text: string, changeset?: number): Part {
  const lines = text.split("\n");
  let i = lines.findIndex((l) => /^[A-Z]+ \S+ HTTP\/1\.1$/.test(l.trim()));
  const [method, url] = lines[i].trim().split(" ");
  const headers: string[] = [];
  for (i++; i < lines.length && lines[i].trim() !== ""; i++) headers.push(lines[i].trim());
  return { method, url, headers, body: lines.slice(i + 1).join("\n").replace(/\n+$/, ""), changeset };
}

function parseBatch(body: string, contentType: string): Part[] {
  const parts: Part[] = [];
  let changesets = 0;
  for (const p of split(body.replace(/\r\n/g, "\n"), boundaryOf(contentType))) {
    const ct = /content-type:\s*([^\n]+)/i.exec(p)?.[1] ?? "";
    if (/multipart\/mixed/i.test(ct)) {
      const n = changesets++;
      for (const sub of split(p, boundaryOf(ct))) parts.push(parseRequest(sub, n));
    } else if (p.trim()) parts.push(parseRequest(p));
  }
  return parts;
}

function oneRequestBatch(p: Part): { body: string; contentType: string } {
  const batch = `batch_${randomUUID()}`;
  const http = `Content-Type: application/http\nContent-Transfer-Encoding: binary\n\n${p.method} ${p.url} HTTP/1.1\n${p.headers.join("\n")}\n\n${p.body}\n`;
  if (p.changeset === undefined) return { body: `--${batch}\n${http}\n--${batch}--\n`, contentType: `multipart/mixed; boundary=${batch}` };
  const cs = `changeset_${randomUUID()}`;
  return {
    body: `--${batch}\nContent-Type: multipart/mixed; boundary="${cs}"\n\n--${cs}\n${http}\n--${cs}--\n\n--${batch}--\n`,
    contentType: `multipart/mixed; boundary=${batch}`,
  };
}

export async function startBatchInterleaver(
  targetSiteUrl: string,
  opts: { mode: "cascade" | "independent"; interleave: (body: string) => boolean; pairWithinMs?: number },
): Promise<BatchInterleaver> {
  const target = new URL(targetSiteUrl);
  let origin = "";
  const toTarget = (s: string) => s.split(origin).join(target.origin);
  const toProxy = (s: string) => s.split(target.origin).join(origin);
  const forwardHeaders = (req: IncomingMessage) => {
    const h: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && !["host", "content-length", "connection"].includes(k)) h[k] = toTarget(v);
    return h;
  };

  async function forwardPart(req: IncomingMessage, p: Part): Promise<Answer> {
    const one = oneRequestBatch({ ...p, url: toTarget(p.url) });
    const res = await fetch(`${target.origin}${new URL(req.url ?? "/", target.origin).pathname}`, {
      method: "POST",
      headers: { ...forwardHeaders(req), "content-type": one.contentType },
      body: one.body,
    });
    const text = (await res.text()).replace(/\r\n/g, "\n");
    const [inner] = split(text, boundaryOf(res.headers.get("content-type") ?? ""));
    const status = Number(/^HTTP\/1\.1 (\d{3})/m.exec(inner ?? "")?.[1] ?? 500);
    return { status, text: inner ?? "" };
  }

  function respond(res: ServerResponse, answers: Answer[]): void {
    const b = `batchresponse_${randomUUID()}`;
    const body = `${answers.map((a) => `--${b}\n${toProxy(a.text)}\n`).join("")}--${b}--\n`;
    res.writeHead(200, { "content-type": `multipart/mixed; boundary=${b}` });
    res.end(body);
  }

  interface Waiting {
    req: IncomingMessage;
    res: ServerResponse;
    parts: Part[];
    pair: (other: Waiting) => void;
  }
  let waiting: Waiting | null = null;
  const state = { pairs: 0 };

  async function runPair(a: Waiting, b: Waiting): Promise<void> {
    state.pairs++;
    const answers: [Answer[], Answer[]] = [[], []];
    const failed: [Set<number>, Set<number>] = [new Set(), new Set()];
    const batches = [a, b];
    const n = Math.max(a.parts.length, b.parts.length);
    for (let i = 0; i < n; i++) {
      for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const p = batches[k].parts[i];
        if (!p) continue;
        if (opts.mode === "cascade" && p.changeset !== undefined && failed[k].has(p.changeset)) {
          answers[k].push({ status: 500, text: CASCADE_FAILURE });
          continue;
        }
        const ans = await forwardPart(batches[k].req, p);
        if (ans.status >= 400 && p.changeset !== undefined) failed[k].add(p.changeset);
        answers[k].push(ans);
      }
    }
    respond(a.res, answers[0]);
    respond(b.res, answers[1]);
  }

  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const isBatch = req.method === "POST" && /\/_api\/\$batch$/.test(new URL(req.url ?? "/", target.origin).pathname);
      if (isBatch && opts.interleave(body)) {
        const parts = parseBatch(body, req.headers["content-type"] ?? "");
        const me: Waiting = { req, res, parts, pair: () => {} };
        if (waiting) {
          const other = waiting;
          waiting = null;
          other.pair(me);
          return;
        }
        waiting = me;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            if (waiting === me) waiting = null;
            // No partner came: run it alone, part by part like the others (same semantics).
            runAlone().finally(resolve);
          }, opts.pairWithinMs ?? 3_000);
          const runAlone = async () => {
            const answers: Answer[] = [];
            const failed = new Set<number>();
            for (const p of parts) {
              if (opts.mode === "cascade" && p.changeset !== undefined && failed.has(p.changeset)) answers.push({ status: 500, text: CASCADE_FAILURE });
              else {
                const ans = await forwardPart(req, p);
                if (ans.status >= 400 && p.changeset !== undefined) failed.add(p.changeset);
                answers.push(ans);
              }
            }
            respond(res, answers);
          };
          me.pair = (other) => {
            clearTimeout(timer);
            runPair(me, other).finally(resolve);
          };
        });
        return;
      }
      const upstream = await fetch(`${target.origin}${req.url}`, {
        method: req.method,
        headers: forwardHeaders(req),
        body: req.method === "GET" || req.method === "HEAD" ? undefined : toTarget(body),
      });
      const text = await upstream.text();
      const headers: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (!["content-length", "content-encoding", "transfer-encoding", "connection"].includes(k)) headers[k] = toProxy(v);
      });
      res.writeHead(upstream.status, headers);
      res.end(toProxy(text));
    } catch (err) {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(String(err));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    siteUrl: `${origin}${target.pathname}`,
    get pairs() {
      return state.pairs;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

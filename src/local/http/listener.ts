/**
 * The HTTP listener: refuses requests that do not name this server in their Host header (DNS rebinding), reads
 * each request body (up to the size limit, then keeps draining so that the client sees the 413 rather than a reset
 * connection), answers CORS preflights, adds the response latency, writes the answer with SharePoint's diagnostic
 * headers, and logs one line per request.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiResponse } from "../api/context";
import type { Settings } from "../options";
import { preflight, setCorsHeaders } from "./cors";
import { checkHost } from "./host-check";
import type { Incoming } from "./dispatch";

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function headersOf(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return headers;
}

export interface Listener {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function listen(settings: Settings, baseUrl: () => string, handle: (inc: Incoming) => ApiResponse): Promise<Listener> {
  const port = () => (server.address() as AddressInfo).port;
  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= settings.maxBodyBytes) chunks.push(c);
    });
    req.on("end", () => {
      void (async () => {
        const misdirected = checkHost(req.headers.host, port());
        if (misdirected) {
          // Before CORS, faults or anything else: a request for another host name is not ours to answer.
          res.writeHead(misdirected.status, { "Content-Type": "text/plain; charset=utf-8" });
          res.end(misdirected.reason);
          settings.log?.(`${req.method} ${req.url} ${misdirected.status} (Host: ${req.headers.host ?? "none"})`);
          return;
        }
        setCorsHeaders(req, res);
        let out: ApiResponse;
        if ((req.method ?? "").toUpperCase() === "OPTIONS") {
          out = { status: preflight(req, res), headers: {}, body: "", kind: "preflight" };
        } else {
          out = handle({
            method: (req.method ?? "GET").toUpperCase(),
            url: new URL(req.url ?? "/", baseUrl()),
            headers: headersOf(req),
            body: Buffer.concat(chunks).toString("utf8"),
            bodyBytes: size,
          });
        }
        if (settings.latencyMs > 0) await delay(settings.latencyMs);
        if (out.drop) {
          // An injected lost reply: the connection closes with nothing written.
          settings.log?.(`${req.method} ${req.url} dropped`);
          res.destroy();
          return;
        }
        res.statusCode = out.status;
        for (const [k, v] of Object.entries(out.headers)) res.setHeader(k, v);
        res.setHeader("X-SharePointHealthScore", "0");
        res.setHeader("SPRequestGuid", "00000000-0000-0000-0000-000000000000");
        res.end(out.body);
        if (settings.log) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          settings.log(`${req.method} ${req.url} ${out.status} ${ms.toFixed(1)}ms`);
        }
      })();
    });
  });
  // Large batches of 30k items are fine, but an idle keep-alive socket should not hold close() forever.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** CORS for loopback origins only: the tab's dev server calls the local SharePoint from another port. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { LOOPBACK_HOSTS } from "../options";

const ALLOWED_HEADERS =
  "Authorization, X-RequestDigest, IF-Match, If-None-Match, X-HTTP-Method, X-ClientService-ClientTag, X-PnPjs-RequestId, Content-Type, Accept, Odata-Version, OData-MaxVersion";

export function isLoopbackOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return LOOPBACK_HOSTS.has(u.hostname) || u.hostname === "[::1]";
  } catch {
    return false;
  }
}

export function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin && isLoopbackOrigin(origin)) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Vary", "Origin");
    res.setHeader("Access-Control-Allow-Credentials", "true");
    res.setHeader("Access-Control-Expose-Headers", "ETag, Location, Retry-After");
  }
}

/** The answer to a preflight: 204 with what may be sent, or 403 for a foreign origin. Never faulted. */
export function preflight(req: IncomingMessage, res: ServerResponse): number {
  const origin = req.headers.origin;
  if (origin && !isLoopbackOrigin(origin)) return 403;
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, MERGE, DELETE, OPTIONS");
  res.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
  res.setHeader("Access-Control-Max-Age", "600");
  return 204;
}

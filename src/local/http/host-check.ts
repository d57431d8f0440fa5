/**
 * DNS rebinding defence: a page on another site can make a browser send requests to 127.0.0.1 under its own host
 * name. Every request must therefore name this server exactly in its Host header: `127.0.0.1:<port>`,
 * `localhost:<port>` or `[::1]:<port>`. Names are compared as whole strings, so `127.evil.example` or
 * `localhost.evil.example` are not loopback.
 */
const LOOPBACK_NAMES = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** undefined when the Host header names this server; otherwise the status (400 missing/malformed, 421 another host) and why. */
export function checkHost(host: string | undefined, port: number): { status: 400 | 421; reason: string } | undefined {
  if (!host) return { status: 400, reason: "The request has no Host header." };
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d+))?$/.exec(host.trim());
  if (!m) return { status: 400, reason: `The Host header '${host}' is not valid.` };
  const name = m[1].toLowerCase();
  if (!LOOPBACK_NAMES.has(name) || m[2] === undefined || Number(m[2]) !== port) {
    return { status: 421, reason: `Misdirected request: this local server answers only to 127.0.0.1:${port}, localhost:${port} or [::1]:${port}, not '${host}'.` };
  }
  return undefined;
}

/**
 * Serves the built tab (dist/tab) read-only: GET/HEAD, no directory listings, no dotfiles, nothing outside the
 * folder. Vite puts content-hashed bundles under assets/, so those are cached for a year; index.html is revalidated
 * every time so that a new deployment reaches users on their next load.
 *
 * Text files are sent compressed (Brotli where the browser takes it, else gzip): on the slow links a council's
 * officers have, the tab's first view is mostly its JavaScript, which Brotli makes about four times smaller. Each
 * file is compressed once per version (path, size and modification time) and kept in memory; the built tab is a
 * few files. index.html answers 304 to a browser that already has this version.
 */
import { createReadStream, type Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".map"]);
/** Below this size compression saves less than its own headers cost. */
const MIN_COMPRESS_BYTES = 1024;

export type Encoding = "br" | "gzip";

/**
 * The encoding to send, from Accept-Encoding: Brotli, else gzip, where the browser accepts it (a `;q=0` refuses;
 * `*` accepts both). Null when it takes neither.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const takes = (e: Encoding) => (accepted.get(e) ?? accepted.get("*") ?? 0) > 0;
  if (takes("br")) return "br";
  if (takes("gzip")) return "gzip";
  return null;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const packed = new Map<string, Promise<Buffer>>();

/** The file's bytes in `encoding`, compressed once per version of the file. */
function compressedFile(file: string, st: Stats, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding}:${file}:${st.size}:${st.mtimeMs}`;
  let p = packed.get(key);
  if (!p) {
    for (const k of packed.keys()) if (k.startsWith(`${encoding}:${file}:`)) packed.delete(k);
    p = readFile(file).then((raw) =>
      encoding === "br"
        ? brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : gzipped(raw, { level: 9 }),
    );
    packed.set(key, p);
    p.catch(() => packed.delete(key));
  }
  return p;
}

/** The file a URL path names inside root, or undefined when the path tries to leave it or names a dotfile. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const rel = normalize(decoded === "/" ? "/index.html" : decoded).replace(/^[/\\]+/, "");
  if (rel.split(/[/\\]/).some((part) => part === ".." || part.startsWith("."))) return undefined;
  const full = join(root, rel);
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined;
}

/** Answers the request from root; resolves false when there is no such file (the caller answers 404). */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<boolean> {
  const file = resolveInside(root, urlPath);
  if (!file) return false;
  let st: Stats;
  try {
    st = await stat(file);
  } catch {
    return false;
  }
  if (!st.isFile()) return false;
  const ext = extname(file).toLowerCase();
  const compressible = COMPRESSIBLE.has(ext) && st.size >= MIN_COMPRESS_BYTES;
  res.setHeader("Content-Type", TYPES[ext] ?? "application/octet-stream");
  res.setHeader("Last-Modified", st.mtime.toUTCString());
  res.setHeader("Cache-Control", urlPath.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
  if (compressible) res.setHeader("Vary", "Accept-Encoding");
  // HTTP dates have whole seconds: the file is unchanged when it is no newer than the date the browser holds.
  const since = Date.parse(String(req.headers["if-modified-since"] ?? ""));
  if (!Number.isNaN(since) && Math.floor(st.mtimeMs / 1000) * 1000 <= since) {
    res.statusCode = 304;
    res.end();
    return true;
  }
  res.statusCode = 200;
  const encoding = compressible ? chooseEncoding(req.headers["accept-encoding"]) : null;
  if (encoding) {
    const body = await compressedFile(file, st, encoding);
    res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", body.length);
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }
  res.setHeader("Content-Length", st.size);
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on("error", () => {
      res.destroy();
      resolve();
    });
    stream.on("end", resolve);
    stream.pipe(res);
  });
  return true;
}

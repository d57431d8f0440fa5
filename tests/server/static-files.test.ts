/**
 * The built tab as the production server sends it: text compressed (Brotli, else gzip) for browsers that take it,
 * byte for byte the file once decoded; small and binary files as they are; index.html revalidated with 304.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseEncoding, serveStatic } from "../../src/server/static-files.ts";

let root: string;
let server: http.Server;
const bundle = `export const views = [${Array.from({ length: 400 }, (_, i) => `"view ${i}: My actions, Plan, Due and overdue"`).join(",")}];\n`;

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const { port } = server.address() as AddressInfo;
    http
      .get({ host: "127.0.0.1", port, path, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c) => parts.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "eap-static-"));
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "index.html"), `<!doctype html><title>Equality Action Plan</title>${"<!-- padding -->".repeat(100)}`);
  writeFileSync(join(root, "assets", "app-1a2b3c.js"), bundle);
  writeFileSync(join(root, "assets", "tiny.js"), "export {};\n");
  writeFileSync(join(root, "assets", "logo.png"), Buffer.alloc(4096, 7));
  utimesSync(join(root, "index.html"), new Date("2026-11-01T10:00:00Z"), new Date("2026-11-01T10:00:00Z"));
  server = http.createServer((req, res) => {
    void serveStatic(root, req, res, new URL(req.url ?? "/", "http://x").pathname).then((found) => {
      if (!found) res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(root, { recursive: true, force: true });
});

describe("serving the built tab", () => {
  it("sends JavaScript as Brotli to a browser that takes it, the same bytes once decoded and far fewer of them", async () => {
    const r = await get("/assets/app-1a2b3c.js", { "Accept-Encoding": "gzip, deflate, br, zstd" });
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("br");
    expect(r.headers.vary).toBe("Accept-Encoding");
    expect(Number(r.headers["content-length"])).toBe(r.body.length);
    expect(brotliDecompressSync(r.body).toString("utf8")).toBe(bundle);
    expect(r.body.length).toBeLessThan(Buffer.byteLength(bundle) / 4);
  });

  it("falls back to gzip, and sends the file as it is to a browser that takes neither", async () => {
    const g = await get("/assets/app-1a2b3c.js", { "Accept-Encoding": "gzip" });
    expect(g.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(g.body).toString("utf8")).toBe(bundle);
    const plain = await get("/assets/app-1a2b3c.js", { "Accept-Encoding": "br;q=0, gzip;q=0" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(bundle);
  });

  it("leaves small files and images uncompressed", async () => {
    expect((await get("/assets/tiny.js", { "Accept-Encoding": "br" })).headers["content-encoding"]).toBeUndefined();
    const png = await get("/assets/logo.png", { "Accept-Encoding": "br" });
    expect(png.headers["content-encoding"]).toBeUndefined();
    expect(png.body.length).toBe(4096);
  });

  it("answers 304 for an index.html the browser already has, and sends it again once it changed", async () => {
    const first = await get("/", { "Accept-Encoding": "br" });
    expect(first.status).toBe(200);
    expect(first.headers["cache-control"]).toBe("no-cache");
    const again = await get("/", { "If-Modified-Since": String(first.headers["last-modified"]) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    utimesSync(join(root, "index.html"), new Date("2026-11-02T10:00:00Z"), new Date("2026-11-02T10:00:00Z"));
    expect((await get("/", { "If-Modified-Since": String(first.headers["last-modified"]) })).status).toBe(200);
  });
});

describe("choosing the encoding", () => {
  it.each([
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["*", "br"],
    ["*;q=0", null],
    ["identity", null],
    [undefined, null],
  ])("%s → %s", (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

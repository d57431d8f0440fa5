/**
 * The production server, started in-process on 127.0.0.1:0 with a configuration pointing at a real local
 * SharePoint and a fake-but-well-formed bot app id: the real Teams SDK validates (and refuses) bot activities.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServerConfig, type ServerOptions } from "../../src/config/server-config.ts";
import { createLogger, type ProductionServer, startProductionServer } from "../../src/server/index.ts";
import { parseTabConfig } from "../../src/tab/lib/config.ts";
import { startTestSharePoint, type TestSharePoint } from "../helpers/local-sharepoint.ts";

const BOT_ID = "5c1b7f0e-8a7d-4c55-9d1e-3f6a2b9c0d11";
const CLIENT_ID = "0f9e8d7c-6b5a-4433-8221-100f0e0d0c0b";
const TENANT_ID = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";

let sp: TestSharePoint;
let server: ProductionServer;
let tabDir: string;
const logLines: Record<string, unknown>[] = [];

/** A raw request, for what fetch will not send (dot segments, chunked bodies of our choosing). */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; chunks?: Buffer[] } = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.port, path, method: opts.method ?? "GET", headers: opts.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c) => parts.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), headers: res.headers }));
    });
    req.on("error", reject);
    for (const c of opts.chunks ?? []) req.write(c);
    req.end();
  });
}

function activity(): Record<string, unknown> {
  return {
    type: "message",
    id: "1",
    text: "help",
    channelId: "msteams",
    serviceUrl: "https://smba.trafficmanager.net/uk/",
    from: { id: "29:1", aadObjectId: "00000000-0000-4000-8000-000000000001", name: "Someone" },
    recipient: { id: `28:${BOT_ID}`, name: "Equality Action Plan" },
    conversation: { id: "a:1", conversationType: "personal", tenantId: TENANT_ID },
  };
}

function testConfig(siteUrl: string, dir: string, extra: ServerOptions = {}) {
  return loadServerConfig(
    { mode: "local", host: "127.0.0.1", port: 0, siteUrl, botId: BOT_ID, tabClientId: CLIENT_ID, tenantId: TENANT_ID, tabDir: dir, reminders: false, ...extra },
    {},
  );
}

beforeAll(async () => {
  sp = await startTestSharePoint();
  tabDir = mkdtempSync(join(tmpdir(), "eap-tab-"));
  mkdirSync(join(tabDir, "assets"));
  writeFileSync(join(tabDir, "index.html"), '<!doctype html><html lang="en-GB"><title>Equality Action Plan</title><script type="module" src="./assets/app-1a2b.js"></script></html>');
  writeFileSync(join(tabDir, "assets", "app-1a2b.js"), "console.log('tab');");
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  server = await startProductionServer(testConfig(sp.siteUrl, tabDir), { logger: createLogger("info", sink) });
});

afterAll(async () => {
  await server?.stop();
  await sp?.close();
  rmSync(tabDir, { recursive: true, force: true });
});

describe("production server", () => {
  it("listens on the loopback address it was configured with", () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((server.server.address() as { address: string }).address).toBe("127.0.0.1");
  });

  it("serves the tab's index.html with a CSP fit for Teams framing and the other security headers", async () => {
    const res = await fetch(`${server.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await res.text()).toContain("<title>Equality Action Plan</title>");
    const csp = res.headers.get("content-security-policy") ?? "";
    const directive = (name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `))?.split(/\s+/).slice(1) ?? [];
    expect(directive("frame-ancestors")).toEqual(
      expect.arrayContaining(["https://teams.microsoft.com", "https://*.teams.microsoft.com", "https://*.cloud.microsoft", "https://*.office.com", "https://*.microsoft365.com", "https://outlook.office.com"]),
    );
    expect(directive("connect-src")).toEqual(expect.arrayContaining(["'self'", new URL(sp.siteUrl).origin, "https://login.microsoftonline.com"]));
    expect(directive("script-src")).toEqual(["'self'"]);
    expect(directive("object-src")).toEqual(["'none'"]);
    expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBeNull(); // it would forbid Teams' frame; frame-ancestors governs
    expect(res.headers.get("cache-control")).toBe("no-cache");

    const asset = await fetch(`${server.origin}/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("serves /eap-config.json from its validated configuration, in the shape the tab accepts, with nothing secret", async () => {
    const res = await fetch(`${server.origin}/eap-config.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toEqual({ mode: "local", siteUrl: sp.siteUrl, clientId: CLIENT_ID, tenantId: TENANT_ID, appBaseUrl: server.origin });
    expect(parseTabConfig(body)).toMatchObject({ mode: "local", siteUrl: sp.siteUrl });
  });

  it("answers /healthz and /readyz", async () => {
    const health = await fetch(`${server.origin}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    const ready = await fetch(`${server.origin}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready", bot: "enabled", problems: [] });
    expect(ready.status).toBe(200);
  });

  it("answers 401 to a bot activity without a valid Bot Framework token", async () => {
    const unsigned = await fetch(`${server.origin}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity()) });
    expect(unsigned.status).toBe(401);
    const forged = await fetch(`${server.origin}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJhdWQiOiI1YzFiN2YwZSJ9." },
      body: JSON.stringify(activity()),
    });
    expect(forged.status).toBe(401);
    // Security headers on the bot's answers too.
    expect(forged.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers 413 to an oversized body, declared or chunked, and keeps serving", async () => {
    const big = JSON.stringify({ ...activity(), text: "x".repeat(200 * 1024) });
    const declared = await fetch(`${server.origin}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: big });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: "too-large", message: expect.stringContaining("102400-byte limit") });

    const chunk = Buffer.alloc(16 * 1024, 0x61);
    const chunked = await raw("/api/messages", { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" }, chunks: Array(10).fill(chunk) });
    expect(chunked.status).toBe(413);

    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
    const again = await fetch(`${server.origin}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity()) });
    expect(again.status).toBe(401);
  });

  it("answers 400 to a body that is not JSON, 405 to writes outside the API, 404 to unknown paths and to escapes from the tab folder", async () => {
    const bad = await fetch(`${server.origin}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: "{ not json" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: "invalid-json" });
    expect((await fetch(`${server.origin}/index.html`, { method: "DELETE" })).status).toBe(405);
    expect((await fetch(`${server.origin}/nothing-here.js`)).status).toBe(404);
    for (const path of ["/%2e%2e/%2e%2e/package.json", "/..%2f..%2fpackage.json", "/assets/%2e%2e/%2e%2e/etc/passwd", "/.env"]) expect((await raw(path)).status).toBe(404);
  });

  it("gives every request an id, keeps a sane incoming one, and logs one structured line per request", async () => {
    const res = await fetch(`${server.origin}/healthz`, { headers: { "x-request-id": "front-door-abc.123" } });
    expect(res.headers.get("x-request-id")).toBe("front-door-abc.123");
    const odd = await fetch(`${server.origin}/healthz`, { headers: { "x-request-id": "<script>" } });
    expect(odd.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((r) => setTimeout(r, 50));
    const line = logLines.find((l) => l.reqId === "front-door-abc.123");
    expect(line).toMatchObject({ msg: "request", method: "GET", path: "/healthz", status: 200, app: "equality-action-plan" });
  });
});

describe("production server without a bot id", () => {
  it("does not expose an unauthenticated bot: /api/messages answers 503", async () => {
    const other = await startProductionServer(testConfig(sp.siteUrl, tabDir, { botId: undefined }), { logger: createLogger("silent") });
    try {
      const res = await fetch(`${other.origin}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity()) });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: "bot-disabled" });
      expect(await (await fetch(`${other.origin}/readyz`)).json()).toMatchObject({ status: "ready", bot: "disabled" });
    } finally {
      await other.stop();
    }
  });
});

describe("production server before the tab is built", () => {
  it("says so on / and is not ready, but stays healthy and serves its configuration", async () => {
    const empty = mkdtempSync(join(tmpdir(), "eap-tab-empty-"));
    const other = await startProductionServer(testConfig(sp.siteUrl, empty), { logger: createLogger("silent") });
    try {
      const home = await fetch(`${other.origin}/`);
      expect(home.status).toBe(503);
      expect(await home.json()).toMatchObject({ error: "tab-not-built", message: "The tab has not been built: run npm run build." });
      const ready = await fetch(`${other.origin}/readyz`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).problems).toEqual([expect.stringContaining("the tab is not built")]);
      expect((await fetch(`${other.origin}/healthz`)).status).toBe(200);
      expect((await fetch(`${other.origin}/eap-config.json`)).status).toBe(200);
    } finally {
      await other.stop();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

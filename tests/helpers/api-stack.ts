/**
 * The production server in local mode in front of a seeded, strict local SharePoint (a directory; the app's grant),
 * for tests of the write API over real HTTP. `post` sends a command as the named seeded person (their development
 * token), or with any token given.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadServerConfig, type ServerConfig, type ServerOptions } from "../../src/config/server-config.ts";
import { devIdentity } from "../../src/config/local-identities.ts";
import { mintDevToken } from "../../src/data/auth/dev-token.ts";
import { createLogger, type ProductionServer, type StartOptions, startProductionServer } from "../../src/server/index.ts";
import { Writable } from "node:stream";
import { type SeededSite, startSeededSite } from "./seeded-site.ts";

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export interface ApiStack {
  site: SeededSite;
  server: ProductionServer;
  config: ServerConfig;
  /** POST a JSON body; `as` is a seeded person's UPN (development token) or { token } or null (no token). */
  post(path: string, body: unknown, as: string | { token: string } | null, init?: { contentType?: string; raw?: string }): Promise<ApiAnswer>;
  close(): Promise<void>;
}

export const tokenOf = (upn: string) => mintDevToken(devIdentity(upn));

const quiet = () => createLogger("silent", new Writable({ write: (_c, _e, done) => done() }));

export function localConfig(siteUrl: string, tabDir: string, extra: ServerOptions = {}): ServerConfig {
  return loadServerConfig({ mode: "local", host: "127.0.0.1", port: 0, siteUrl, tabDir, reminders: false, ...extra }, {});
}

export async function startServerFor(config: ServerConfig, opts: StartOptions = {}) {
  return startProductionServer(config, { logger: quiet(), ...opts });
}

export async function post(origin: string, path: string, body: unknown, as: string | { token: string } | null, init: { contentType?: string; raw?: string } = {}): Promise<ApiAnswer> {
  const headers: Record<string, string> = { "Content-Type": init.contentType ?? "application/json" };
  const token = as === null ? null : typeof as === "string" ? tokenOf(as) : as.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  const r = await fetch(`${origin}${path}`, { method: "POST", headers, body: init.raw ?? JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : {}, headers: r.headers };
}

export async function startApiStack(opts: { shiftToToday?: boolean; server?: ServerOptions; start?: StartOptions } = {}): Promise<ApiStack> {
  const site = await startSeededSite({ shiftToToday: opts.shiftToToday ?? true });
  const tabDir = mkdtempSync(join(tmpdir(), "eap-api-tab-"));
  const config = localConfig(site.siteUrl, tabDir, opts.server);
  const server = await startServerFor(config, opts.start);
  return {
    site,
    server,
    config,
    post: (path, body, as, init) => post(server.origin, path, body, as, init),
    close: async () => {
      await server.stop();
      await site.close();
      rmSync(tabDir, { recursive: true, force: true });
    },
  };
}

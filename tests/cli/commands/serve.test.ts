/**
 * `eap serve` as operators run it (a child process): refuses a bad configuration before listening, and stops
 * gracefully with exit code 0 on SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";

const CLI = join(import.meta.dirname, "..", "..", "..", "bin", "eap.mjs");
let sp: TestSharePoint;
let tabDir: string;

beforeAll(async () => {
  sp = await startTestSharePoint();
  tabDir = mkdtempSync(join(tmpdir(), "eap-tab-"));
  writeFileSync(join(tabDir, "index.html"), "<!doctype html><title>t</title>");
});
afterAll(async () => {
  await sp?.close();
  rmSync(tabDir, { recursive: true, force: true });
});

function serve(env: Record<string, string>): { child: ChildProcess; out: () => string; exited: Promise<number | null> } {
  const base = { ...process.env };
  for (const k of Object.keys(base)) if (k.startsWith("EAP_") || k === "PORT" || k === "TEAMS_APP_ID") delete base[k];
  const child = spawn(process.execPath, [CLI, "serve"], { env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, out: () => out, exited };
}

async function waitFor(check: () => RegExpMatchArray | null, ms = 30_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  for (;;) {
    const m = check();
    if (m) return m;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("eap serve", () => {
  it("exits 2 listing every configuration problem, without listening", async () => {
    const s = serve({ EAP_MODE: "m365", EAP_PORT: "http", EAP_SITE_URL: "https://contoso.sharepoint.com/sites/equality" });
    expect(await s.exited).toBe(2);
    for (const k of ["EAP_PORT", "EAP_PUBLIC_HOST", "EAP_TENANT_ID", "EAP_TAB_CLIENT_ID", "EAP_BOT_ID", "EAP_CERT_KEY_PATH", "EAP_CERT_THUMBPRINT"]) expect(s.out()).toContain(`- ${k}: `);
    expect(s.out()).not.toContain('"msg":"listening"');
  });

  it("exits 2 when the SharePoint certificate's key cannot be read", async () => {
    const s = serve({
      EAP_MODE: "m365",
      EAP_PORT: "0",
      EAP_SITE_URL: "https://contoso.sharepoint.com/sites/equality",
      EAP_PUBLIC_HOST: "eap.contoso.gov.uk",
      EAP_TENANT_ID: "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d",
      EAP_TAB_CLIENT_ID: "0f9e8d7c-6b5a-4433-8221-100f0e0d0c0b",
      EAP_BOT_ID: "5c1b7f0e-8a7d-4c55-9d1e-3f6a2b9c0d11",
      EAP_CERT_KEY_PATH: join(tabDir, "no-such-key.pem"),
      EAP_CERT_THUMBPRINT: "0123456789abcdef0123456789abcdef01234567",
    });
    expect(await s.exited).toBe(2);
    expect(s.out()).toContain("- EAP_CERT_KEY_PATH: cannot read the private key file");
  });

  it("refuses to listen beyond loopback while any authentication is relaxed (attack: local mode on 0.0.0.0)", async () => {
    for (const env of <Record<string, string>[]>[
      { EAP_MODE: "local", EAP_HOST: "0.0.0.0", EAP_BOT_SKIP_AUTH: "true" },
      { EAP_MODE: "local", EAP_HOST: "0.0.0.0" },
      { EAP_MODE: "local", EAP_HOST: "127.evil.example", EAP_BOT_SKIP_AUTH: "true" },
    ]) {
      const s = serve({ ...env, EAP_PORT: "0", EAP_SITE_URL: sp.siteUrl, EAP_TAB_DIR: tabDir });
      expect(await s.exited, JSON.stringify(env)).toBe(2);
      expect(s.out()).toMatch(/- EAP_HOST: refused: not a loopback address/);
      expect(s.out()).not.toContain('"msg":"listening"');
    }
  });

  it("serves until SIGTERM, then stops gracefully with exit code 0", async () => {
    const s = serve({ EAP_MODE: "local", EAP_PORT: "0", EAP_SITE_URL: sp.siteUrl, EAP_BOT_ID: "5c1b7f0e-8a7d-4c55-9d1e-3f6a2b9c0d11", EAP_TAB_DIR: tabDir });
    const [, origin] = await waitFor(() => /"origin":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(s.out()));
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
    s.child.kill("SIGTERM");
    expect(await s.exited).toBe(0);
    expect(s.out()).toContain('"msg":"stopped"');
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
  });
});

/**
 * The operator CLI as an operator runs it: real processes, real exit codes, against the local SharePoint server.
 */
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../helpers/local-sharepoint.ts";

/** Async on purpose: the local server runs in this process and must keep answering while the CLI runs. */
function eap(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, ["bin/eap.mjs", ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("close", (code) => ok({ code, out, err }));
  });
}

let server: TestSharePoint;
beforeAll(async () => {
  server = await startTestSharePoint({ site: "cli" });
});
afterAll(async () => server?.close());

describe("eap CLI", () => {
  it("has --help on every command", async () => {
    const top = await eap(["--help"]);
    expect(top.code).toBe(0);
    for (const c of ["provision", "seed", "serve-sharepoint", "dev", "import", "rollover", "report", "export", "remind", "serve", "package"]) {
      expect(top.out).toContain(c);
      const sub = await eap([c, "--help"]);
      expect(sub.code, c).toBe(0);
      expect(sub.out).toContain(`Usage: eap ${c}`);
    }
  });

  it("names every missing or invalid setting and exits 2", async () => {
    const r = await eap(["provision", "--site", "https://contoso.sharepoint.com/sites/edi", "--auth", "certificate"]);
    expect(r.code).toBe(2);
    for (const s of ["EAP_TENANT_ID", "EAP_CLIENT_ID", "EAP_CERT_KEY_PATH", "EAP_CERT_THUMBPRINT"]) expect(r.err).toContain(s);
    const noSite = await eap(["provision"]);
    expect(noSite.code).toBe(2);
    expect(noSite.err).toMatch(/--site URL or set EAP_SITE_URL/);
    const devRemote = await eap(["provision", "--site", "https://contoso.sharepoint.com/sites/edi", "--auth", "dev"]);
    expect(devRemote.code).toBe(2);
    expect(devRemote.err).toMatch(/development tokens are for the local list server only/);
  });

  it("provisions, and a second run changes nothing and says so", async () => {
    const first = await eap(["provision", "--site", server.siteUrl]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/change\(s\) made/);
    const second = await eap(["provision"], { EAP_SITE_URL: server.siteUrl });
    expect(second.code, second.err).toBe(0);
    expect(second.out).toMatch(/Nothing to change/);
  });

  it("seeds, idempotently, with dates moved near the given day", async () => {
    const first = await eap(["seed", "--site", server.siteUrl, "--shift-to-today", "--now", "2026-11-23T10:00:00Z"]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/Seeded plan "Equality Objectives and Action Plan 2017-2021"/);
    expect(first.out).toMatch(/Moved \d+ delivery date\(s\) near 2026-11-23/);
    const second = await eap(["seed", "--site", server.siteUrl]);
    expect(second.code, second.err).toBe(0);
    expect(second.out).toMatch(/already seeded/);
  });

  it("rejects a bad --now with exit 2", async () => {
    const r = await eap(["seed", "--site", server.siteUrl, "--now", "yesterday-ish"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("yesterday-ish");
  });
});

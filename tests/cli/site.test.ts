/**
 * How the site commands take their settings (src/cli/site.ts over src/config/site-access.ts), through the real
 * CLI: every problem at once with exit 2, old names warned about, and development tokens kept for loopback sites.
 * Nothing here reaches a network: each run stops at its settings.
 */
import { describe, expect, it } from "vitest";
import { OLD_NAMES_REMOVED_IN } from "../../src/config/settings.ts";
import { runCli } from "../helpers/run-cli.ts";

const REMOTE = "https://contoso.sharepoint.com/sites/edi";

describe("site settings of the CLI", () => {
  it("names every missing setting of a certificate sign-in and exits 2", async () => {
    const r = await runCli(["provision", "--site", REMOTE, "--auth", "certificate"]);
    expect(r.code).toBe(2);
    for (const s of ["EAP_TENANT_ID", "EAP_SP_CLIENT_ID", "EAP_CERT_KEY_PATH", "EAP_CERT_THUMBPRINT"]) expect(r.stderr).toContain(`- ${s}: is required`);
    expect(r.stdout).toBe("");
  });

  it("says how to give the site when there is none", async () => {
    const r = await runCli(["provision"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("- EAP_SITE_URL: is required: pass --site URL or set EAP_SITE_URL");
  });

  it("refuses development tokens for a site that is not loopback, however its name starts", async () => {
    for (const site of [REMOTE, "http://127.evil.example:4321/sites/edi", "http://localhost.evil.example/sites/edi"]) {
      const r = await runCli(["provision", "--site", site, "--auth", "dev"]);
      expect(r.code, site).toBe(2);
      expect(r.stderr).toMatch(/EAP_AUTH: refused: development tokens are for the local list server only .*\(got "dev" from --auth\)/);
    }
    // Without --auth, such a site is not taken for the local server: it would need a real sign-in.
    const r = await runCli(["provision", "--site", "http://127.evil.example:4321/sites/edi"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("- EAP_TENANT_ID: is required for --auth device-code");
  });

  it("still reads old names, with a warning that says from which release they are ignored", async () => {
    const r = await runCli(["provision", "--site", REMOTE, "--auth", "device-code"], { EAP_CLIENT_ID: "0f9e8d7c-6b5a-4433-8221-100f0e0d0c0b" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("- EAP_TENANT_ID: is required for --auth device-code");
    expect(r.stderr).not.toContain("EAP_SP_CLIENT_ID: is required");
    expect(r.stderr).toContain(`eap: warning: EAP_CLIENT_ID: is an old name: use EAP_SP_CLIENT_ID instead. It is still read, but not from release ${OLD_NAMES_REMOVED_IN}.`);
  });
});

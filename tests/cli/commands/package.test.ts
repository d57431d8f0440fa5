/** `eap package` as an operator runs it: exit 0 and the zip; exit 2 naming every missing setting; old flags warned. */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../helpers/run-cli.ts";
import { SAMPLE_PACKAGE_ENV as SAMPLE_ENV } from "../../helpers/sample-settings.ts";

const work = mkdtempSync(join(tmpdir(), "eap-package-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("eap package", () => {
  it("exits 0 and writes the zip; exits 2 listing every missing setting", async () => {
    const out = join(work, "ok", "appPackage.zip");
    const ok = await runCli(["package", "--out", out], SAMPLE_ENV);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("passes Microsoft's Teams manifest schema");
    expect(existsSync(out)).toBe(true);

    const bad = await runCli(["package", "--out", join(work, "bad", "appPackage.zip")]);
    expect(bad.code).toBe(2);
    for (const k of Object.keys(SAMPLE_ENV).filter((k) => k !== "EAP_SITE_URL")) expect(bad.stderr).toContain(`- ${k}: is required`);
    expect(existsSync(join(work, "bad"))).toBe(false);
  });

  it("takes the settings as flags too, old flags included, with a warning", async () => {
    const { EAP_SITE_URL, EAP_TAB_CLIENT_ID, ...rest } = SAMPLE_ENV;
    const out = join(work, "flags", "appPackage.zip");
    const r = await runCli(["package", "--out", out, "--site-url", EAP_SITE_URL, "--client-id", EAP_TAB_CLIENT_ID], rest);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("eap: warning: --site-url: is an old name: use --site instead.");
    expect(r.stderr).toContain("eap: warning: --client-id: is an old name: use --tab-client-id instead.");
    expect(existsSync(out)).toBe(true);
  });
});

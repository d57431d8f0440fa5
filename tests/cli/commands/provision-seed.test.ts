/**
 * `eap provision` and `eap seed` as an operator runs them: real processes, real exit codes, against the local
 * SharePoint server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";
import { runCli } from "../../helpers/run-cli.ts";

let server: TestSharePoint;
beforeAll(async () => {
  server = await startTestSharePoint({ site: "cli" });
});
afterAll(async () => server?.close());

describe("eap provision", () => {
  it("provisions, and a second run changes nothing and says so", async () => {
    const first = await runCli(["provision", "--site", server.siteUrl]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/change\(s\) made/);
    const second = await runCli(["provision"], { EAP_SITE_URL: server.siteUrl });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Nothing to change/);
  });
});

describe("eap seed", () => {
  it("seeds, idempotently, with dates moved near the given day", async () => {
    const first = await runCli(["seed", "--site", server.siteUrl, "--shift-to-today", "--now", "2026-11-23T10:00:00Z"]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Seeded plan "Equality Objectives and Action Plan 2017-2021"/);
    expect(first.stdout).toMatch(/Moved \d+ delivery date\(s\) near 2026-11-23/);
    const second = await runCli(["seed", "--site", server.siteUrl]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/already seeded/);
  });

  it("rejects a bad --now with exit 2", async () => {
    const r = await runCli(["seed", "--site", server.siteUrl, "--now", "yesterday-ish"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("yesterday-ish");
  });
});

/**
 * Every operator command completes against a SharePoint that throttles: 20 % of requests answered 429 and 5 % 503
 * (each with a Retry-After), and one part in ten inside each $batch throttled on its own, which PnPjs never retries.
 * Real processes, real exit codes; each says how long SharePoint made it wait. Retry-After is 50 ms here so the
 * test is quick; the policy honours whatever SharePoint sends.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../src/config/local-identities.ts";
import { createSp, DevTokenAuth, getPlans } from "../../src/data/index.ts";
import { SEED_EQUALITIES_LEAD_UPN } from "../../src/seed/people.ts";
import { SEED_DIRECTORY_BEFORE_DEPARTURES, startTestSharePoint, type TestSharePoint } from "../helpers/local-sharepoint.ts";
import { runCli } from "../helpers/run-cli.ts";
import { generatedWorkbook } from "../import/fixtures/generated-plan.ts";

const FAULTS = "429:0.2,503:0.05,429-in-batch:0.1";
const DEMO = "Equality Objectives and Action Plan 2023-2027";

let server: TestSharePoint;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eap-throttled-"));
  server = await startTestSharePoint({ site: "busy", directory: SEED_DIRECTORY_BEFORE_DEPARTURES, faults: FAULTS, seed: 21, retryAfterSeconds: 0.05 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const WAITED = /SharePoint asked us to wait (\d+) times? \((?:(?:429|503|dropped connection) ×\d+(?:, )?)+\): \d+\.\d s in all\./;
/** How many waits each command said it made. */
const waits = new Map<string, number>();

async function ok(args: string[]) {
  const r = await runCli([...args, "--site", server.siteUrl]);
  expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
  waits.set(args[0], Number(WAITED.exec(r.stderr)?.[1] ?? 0));
  return r;
}

describe(`every command under --faults "${FAULTS}"`, () => {
  it("provision, seed, import, rollover, report, export and remind complete", async () => {
    await ok(["provision"]);
    await ok(["seed", "--now", "2026-11-23T10:00:00Z", "--shift-to-today"]);
    const xlsx = join(dir, "plan.xlsx");
    writeFileSync(xlsx, await generatedWorkbook(120));
    await ok(["import", xlsx, "--plan", "Imported under load", "--period", "2023-2027"]);
    await ok(["rollover", "--from", DEMO, "--to", "Equality Objectives and Action Plan 2027-2031"]);
    const report = join(dir, "report.docx");
    await ok(["report", "--plan", "Equality Objectives and Action Plan 2017-2021", "--period", "2022-23", "--out", report]);
    expect(statSync(report).size).toBeGreaterThan(1000);
    const csv = join(dir, "export.csv");
    await ok(["export", "--plan", "Equality Objectives and Action Plan 2027-2031", "--format", "csv", "--out", csv]);
    expect(statSync(csv).size).toBeGreaterThan(100);
    await ok(["remind", "--now", "2026-11-23T09:00:00Z"]);
    // Each command that was made to wait said so; the ones that write much always are, at these rates.
    for (const c of ["provision", "seed", "import", "rollover"]) expect(waits.get(c), c).toBeGreaterThan(0);

    const plans = await getPlans(createSp(server.siteUrl, DevTokenAuth(devIdentity(SEED_EQUALITIES_LEAD_UPN))));
    expect(plans.map((p) => p.title).sort()).toEqual(
      ["Equality Objectives and Action Plan 2017-2021", DEMO, "Equality Objectives and Action Plan 2027-2031", "Imported under load"].sort(),
    );
  });
});

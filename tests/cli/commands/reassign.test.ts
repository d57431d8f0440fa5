/**
 * `eap rollover` and `eap import` with people who cannot be found, as an operator meets them: real processes on a
 * strict server. Every such person is listed with the actions that name them and how to reassign them, nothing is
 * written (a dry run says the same), and `--reassign old=new` (repeatable) completes the run.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../../src/config/local-identities.ts";
import { createSp, DevTokenAuth, getPlanActions, getPlans, list, type SPFI } from "../../../src/data/index.ts";
import { SEED_ADMINISTRATOR, SEED_DEPARTED, SEED_UPNS } from "../../../src/seed/people.ts";
import { localSeedTarget, seedSite } from "../../../src/seeding/seed-site.ts";
import { markDeparted, SEED_DIRECTORY_BEFORE_DEPARTURES, startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";
import { runCli } from "../../helpers/run-cli.ts";

const FROM = "Equality Objectives and Action Plan 2017-2021";
let t: TestSharePoint;
let sp: SPFI;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eap-reassign-"));
  t = await startTestSharePoint({ site: "reassign", directory: SEED_DIRECTORY_BEFORE_DEPARTURES });
  await seedSite(localSeedTarget(t.siteUrl), { shiftToToday: false, now: new Date("2026-11-23T10:00:00Z"), say: () => {} });
  sp = createSp(t.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
  const from = (await getPlans(sp)).find((p) => p.title === FROM)!;
  const his = (await getPlanActions(sp, from.id)).find((a) => a.owner?.upn === SEED_DEPARTED.upn)!;
  await list(sp, "actions").items.getById(his.id).update({ Disposition: "ongoing" }, "*");
  await markDeparted(t.baseUrl, SEED_DEPARTED.upn);
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("eap rollover --reassign", () => {
  it("lists the officer who left with his action, writes nothing, then carries it to his successor", async () => {
    const to = "Equality Objectives and Action Plan 2021-2025";
    const before = (await getPlans(sp)).length;
    for (const dry of [["--dry-run"], []]) {
      const r = await runCli(["rollover", "--site", t.siteUrl, "--from", FROM, "--to", to, ...dry]);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stderr).toMatch(/1 person named in the plan cannot be found/);
      expect(r.stderr).toContain(`- ${SEED_DEPARTED.upn}: accountable officer on SP-17-3.`);
      expect(r.stderr).toContain(`--reassign ${SEED_DEPARTED.upn}=<their successor>`);
      expect((await getPlans(sp)).length).toBe(before);
    }
    const ok = await runCli(["rollover", "--site", t.siteUrl, "--from", FROM, "--to", to, "--reassign", `${SEED_DEPARTED.upn}=${SEED_UPNS.procurement}`]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`${SEED_DEPARTED.upn} is replaced by ${SEED_UPNS.procurement}`);
    const plan = (await getPlans(sp)).find((p) => p.title === to)!;
    expect((await getPlanActions(sp, plan.id)).find((a) => a.reference === "SP-17-3")?.owner?.upn).toBe(SEED_UPNS.procurement);
  });

  it("refuses a malformed --reassign as a usage error", async () => {
    const r = await runCli(["rollover", "--site", t.siteUrl, "--from", FROM, "--to", "X", "--reassign", "someone"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--reassign: "someone": expected old=new/);
  });
});

describe("eap import --reassign", () => {
  it("lists a person the file names who is not in the directory, then imports with a replacement", async () => {
    const csv = join(dir, "plan.csv");
    writeFileSync(
      csv,
      [
        "Role,Objective,Actions,Responsible officer,How will we know that this is done?,To be delivered by",
        `Community Leader,Know our residents,Provide ward analysis,ana.silva@example.org,Report produced,November 2027`,
        `Community Leader,Know our residents,Audit formats,${SEED_UPNS.communications},Clear process,October 2027`,
      ].join("\r\n"),
    );
    const args = ["import", csv, "--site", t.siteUrl, "--plan", "Imported with a stranger", "--period", "2023-2027"];
    const refused = await runCli(args);
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/- ana\.silva@example\.org: accountable officer on [A-Z-]+\d+\. The specified user ana\.silva@example\.org could not be found\./);
    expect((await getPlans(sp)).some((p) => p.title === "Imported with a stranger")).toBe(false);
    const ok = await runCli([...args, "--reassign", `ana.silva@example.org=${SEED_UPNS.dataIntelligence}`]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const plan = (await getPlans(sp)).find((p) => p.title === "Imported with a stranger")!;
    expect((await getPlanActions(sp, plan.id)).map((a) => a.owner?.upn).sort()).toEqual([SEED_UPNS.communications, SEED_UPNS.dataIntelligence].sort());
  });
});

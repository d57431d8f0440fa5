/**
 * `eap import` and `eap rollover` end to end: the real CLI (a child process) against the real local SharePoint.
 * All or nothing: bad files change no list; an import interrupted by injected faults leaves only a draft plan, and
 * running it again finishes it without duplicates; rollover links carried actions both ways.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { devIdentity } from "../../src/config/local-identities.ts";
import { createSp, DevTokenAuth, findPlan, getPlanActions, type ListKey, list, queryOnce, type SPFI, updateAction } from "../../src/data/index.ts";
import { readPlanTree } from "../../src/data/plan-tree/index.ts";
import { importIdFor, parsePlanFile } from "../../src/import/index.ts";
import { writeImportedPlan } from "../../src/import/write/write-import.ts";
import { SEED_ADMINISTRATOR } from "../../src/seed/people.ts";
import { localSeedTarget, seedSite } from "../../src/seeding/seed-site.ts";
import { startTestSharePoint } from "../helpers/local-sharepoint.ts";
import { type SeededSite, startSeededSite } from "../helpers/seeded-site.ts";
import { buildDocx, seedDocRows } from "./fixtures/build-docx.ts";
import { generatedWorkbook } from "./fixtures/generated-plan.ts";
import { type MalformedCase, malformedCases } from "./fixtures/malformed.ts";
import { norm, seedActions, seedTableRows } from "./fixtures/seed-2017.ts";

const ROOT = join(import.meta.dirname, "../..");
const LISTS: ListKey[] = ["plans", "roles", "objectives", "commitments", "actions", "updates"];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously: the local SharePoint lives in this process and must keep answering. */
function eap(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [join(ROOT, "bin/eap.mjs"), ...args], { cwd: ROOT, env: { ...process.env, EAP_SITE_URL: "" } }, (_e, stdout, stderr) =>
      resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

async function counts(sp: SPFI): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const k of LISTS) out[k] = (await list(sp, k).items.select("Id").top(5000)()).length;
  return out;
}

let casesMemo: Promise<MalformedCase[]> | null = null;
/** The generated cases include zip bombs of tens of megabytes: build them once for this file. */
const cases = async () => (casesMemo ??= buildDocx([seedDocRows(seedTableRows())]).then(malformedCases));

let site: SeededSite;
let sp: SPFI;
let dir: string;
const file = (name: string, bytes: Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "eap-import-test-"));
  site = await startSeededSite();
  // The app writes, as the server does for the lead.
  sp = site.appSp();
});
afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("eap import", () => {
  test("imports the seeds' 2017 Word table, and a second run writes nothing", async () => {
    const docx = file("equalities-2017.docx", await buildDocx([seedDocRows(seedTableRows())]));
    const before = await counts(sp);
    const r = await eap(["import", docx, "--site", site.siteUrl, "--plan", "Imported 2017 plan", "--period", "2017-2021"]);
    expect(r.stderr).not.toMatch(/problem/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 role\(s\), 11 objective\(s\), 11 action\(s\)/);
    const after = await counts(sp);
    expect({ plans: after.plans - before.plans, roles: after.roles - before.roles, objectives: after.objectives - before.objectives, actions: after.actions - before.actions }).toEqual({
      plans: 1,
      roles: 3,
      objectives: 11,
      actions: 11,
    });

    const plan = (await findPlan(sp, "Imported 2017 plan"))!;
    expect(plan.status).toBe("active");
    expect(plan.period).toBe("2017-2021");
    const snap = await readPlanTree(sp, plan);
    const seed = seedActions();
    const actions = snap.tree.roles.flatMap((ro) => ro.objectives.flatMap((o) => o.actions));
    expect(actions.map((a) => a.teams)).toEqual(seed.map((s) => s.officer));
    expect(actions.map((a) => a.dueText)).toEqual(seed.map((s) => s.due));
    expect(actions.map((a) => norm(a.successMeasures.join(" ")))).toEqual(seed.map((s) => s.measures));
    const byRef = new Map(snap.actions.map((a) => [a.reference, a]));
    expect(byRef.get("SP-3")?.due).toEqual({ date: "2018-03-31", precision: "month", kind: "review-by", text: "Review by March 2018" });
    expect(byRef.get("CL-1")?.due.date).toBe("2017-11-30");

    const again = await eap(["import", docx, "--site", site.siteUrl, "--plan", "Imported 2017 plan", "--period", "2017-2021"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already imported/);
    expect(await counts(sp)).toEqual(after);
  });

  test("bad files: exit 1, every problem with its place, and no list changes", async () => {
    const all = await cases();
    const names = [
      "empty plan.docx",
      "docx cut at 12/25",
      "PDF named plan.docx",
      "zip bomb: 8 MB compressed a thousand times",
      "CSV without the Actions column",
      'CSV date "Spring 2019"',
      'DOCX spanning row "Lorem ipsum dolor sit amet"',
      "action of 64,000 characters",
      "docx with a cell spanning 50,000,000 columns",
      "xlsx with cells at A1, XFD1 and A20000",
      "10 MB single-row CSV",
    ];
    const subset = names.map((n) => all.find((c) => c.name === n)) as MalformedCase[];
    expect(subset.every(Boolean)).toBe(true);
    const before = await counts(sp);
    const runs = await Promise.all(
      subset.map(async (c) => ({ c, r: await eap(["import", file(`m-${subset.indexOf(c)}-${c.fileName}`, c.bytes), "--site", site.siteUrl, "--plan", `Bad ${c.name}`, "--period", "2023-2027"]) })),
    );
    for (const { c, r } of runs) {
      expect(r.code, `${c.name}: ${r.stderr}`).toBe(1);
      expect(r.stderr, c.name).toMatch(/Nothing was written|nothing was written/);
      if (c.row !== undefined) expect(r.stderr, c.name).toContain(`row ${c.row}`);
    }
    expect(runs.find((x) => x.c.name.startsWith("CSV date"))?.r.stderr).toContain('CSV, row 3, column "To be delivered by": "Spring 2019" is not a date');
    expect(runs.find((x) => x.c.name.startsWith("docx with a cell"))?.r.stderr).toContain("Table 1, row 3: A cell spans 50,000,000 columns; at most 64 are allowed.");
    expect(runs.find((x) => x.c.name.startsWith("xlsx with cells"))?.r.stderr).toContain('Sheet "Plan", row 1: Cell XFD1 is in column 16,384; at most 64 columns are allowed.');
    expect(runs.find((x) => x.c.name.startsWith("10 MB"))?.r.stderr).toContain("CSV, row 1: This row has 5,000,001 columns; at most 64 are allowed.");
    expect(await counts(sp)).toEqual(before);
  }, 180_000); // eleven CLI processes at once: on two busy cores they take their time

  test("--skip-invalid leaves out only the bad rows, and says which", async () => {
    const c = (await cases()).find((x) => x.name === 'CSV date "2019"')!;
    const p = file("skip.csv", c.bytes);
    const r = await eap(["import", p, "--site", site.siteUrl, "--plan", "Skip test", "--period", "2023-2027", "--skip-invalid"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Leaving out 1 action\(s\)/);
    expect(r.stderr).toContain("CSV, row 3");
    const plan = (await findPlan(sp, "Skip test"))!;
    expect((await getPlanActions(sp, plan.id)).map((a) => a.text)).toEqual(["Provide ward analysis.", "• Equalities in service plans\n• Staff presentation"]);
  });

  test("usage errors exit 2 and write nothing", async () => {
    const before = await counts(sp);
    const noPlan = await eap(["import", join(dir, "skip.csv"), "--site", site.siteUrl, "--period", "2023-2027"]);
    expect(noPlan.code).toBe(2);
    const badMap = await eap(["import", join(dir, "skip.csv"), "--site", site.siteUrl, "--plan", "X", "--period", "2023-2027", "--map", "Lead=boss"]);
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toContain('"boss" in "Lead=boss" is not a field');
    const noFile = await eap(["import", join(dir, "nope.docx"), "--site", site.siteUrl, "--plan", "X", "--period", "2023-2027"]);
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain("no such file");
    expect(await counts(sp)).toEqual(before);
  });
});

describe("the period", () => {
  test("inferred from the document when not given, and the output says from where", async () => {
    const docx = file("titled.docx", await buildDocx([seedDocRows(seedTableRows())], "Our Equalities Policy and Objectives 2017-2021"));
    const r = await eap(["import", docx, "--plan", "Equalities 2017 (dry run)", "--dry-run"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Period 2017-2021: inferred from the document\'s opening lines ("Our Equalities Policy and Objectives 2017-2021").');
    expect(r.stdout).toContain('would be imported as "Equalities 2017 (dry run)" (2017-2021)');
  });

  test("neither given nor named anywhere: exit 1, a clear problem, nothing written", async () => {
    const before = await counts(sp);
    const r = await eap(["import", join(dir, "skip.csv"), "--site", site.siteUrl, "--plan", "No years here"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("No period was given, and neither the plan's name nor the document's title, headings or opening lines name the plan's years");
    expect(await counts(sp)).toEqual(before);
  });
});

describe("an interrupted import", () => {
  test("leaves only a draft, and running it again finishes it without duplicates", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "eap-import-faults-"));
    try {
      const clean = await startTestSharePoint({ dataDir });
      await seedSite(localSeedTarget(clean.siteUrl), { shiftToToday: false, now: new Date(), say: () => {} });
      await clean.close();

      const bytes = await generatedWorkbook(150);
      const title = "Big imported plan";
      const parsed = await parsePlanFile(bytes, { fileName: "big.xlsx", title, period: "2023-2027" });
      expect(parsed.problems).toEqual([]);
      const importId = await importIdFor(bytes, title);

      // Every request fails with a 500 (not retried) at a fixed rate: the import stops part-way.
      const faulty = await startTestSharePoint({ dataDir, faults: "500:0.2", seed: 11 });
      const fsp = createSp(faulty.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)), { retryIntervalMs: 10 });
      let failures = 0;
      let sawPartial = false;
      for (let attempt = 0; attempt < 40; attempt++) {
        try {
          await writeImportedPlan(fsp, parsed.tree!, { importId });
          break;
        } catch {
          failures++;
        }
        // After a failure the plan, if it exists yet, is a draft, never an active plan with actions missing.
        const plans = await queryOnce(fsp, "plans", { filter: `ImportKey eq '${importId}/plan'`, select: ["Id", "PlanStatus"] }).catch(() => null);
        if (plans && plans.length === 1) {
          const n = await queryOnce(fsp, "actions", { filter: `PlanId eq ${plans[0].Id}`, select: ["Id"] }).catch(() => null);
          if (n) {
            if (n.length < 150) expect(plans[0].PlanStatus).toBe("draft");
            if (n.length > 0 && n.length < 150) sawPartial = true;
          }
        }
      }
      await faulty.close();
      expect(failures).toBeGreaterThan(0);
      expect(sawPartial).toBe(true);

      // The same file through the CLI on a healthy server: same import id, so it finishes the job.
      const healthy = await startTestSharePoint({ dataDir });
      try {
        const p = file("big.xlsx", bytes);
        const r = await eap(["import", p, "--site", healthy.siteUrl, "--plan", title, "--period", "2023-2027"]);
        expect(r.code, r.stderr).toBe(0);
        const hsp = createSp(healthy.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
        const plan = (await findPlan(hsp, title))!;
        expect(plan.status).toBe("active");
        const actions = await getPlanActions(hsp, plan.id);
        expect(actions).toHaveLength(150);
        expect(new Set(actions.map((a) => a.reference)).size).toBe(150);
        const plans = (await queryOnce(hsp, "plans", { select: ["Id", "Title"] })).filter((x) => x.Title === title);
        expect(plans).toHaveLength(1);
      } finally {
        await healthy.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("eap rollover", () => {
  test("carries ongoing and developed actions with links both ways, and closes the rest", async () => {
    const from = (await findPlan(sp, "Equality Objectives and Action Plan 2023-2027"))!;
    const actions = await getPlanActions(sp, from.id);
    const [a, b, ...rest] = actions;
    await updateAction(sp, a.id, a.etag ?? "*", { disposition: "ongoing" });
    await updateAction(sp, b.id, b.etag ?? "*", { disposition: "developed" });

    const dry = await eap(["rollover", "--from", from.title, "--to", "Equality Objectives and Action Plan 2027-2031", "--site", site.siteUrl, "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain("carried into the new plan (2)");
    expect(dry.stdout).toContain(`closed in the old plan (${rest.filter((x) => x.disposition === "open").length})`);
    expect(dry.stdout).toContain("Dry run: nothing was written.");
    expect((await findPlan(sp, "Equality Objectives and Action Plan 2027-2031"))).toBeNull();

    const r = await eap(["rollover", "--from", from.title, "--to", "Equality Objectives and Action Plan 2027-2031", "--period", "2027-2031", "--site", site.siteUrl]);
    expect(r.code, r.stderr).toBe(0);
    const to = (await findPlan(sp, "Equality Objectives and Action Plan 2027-2031"))!;
    expect(to.predecessorId).toBe(from.id);
    expect(to.period).toBe("2027-2031");
    const carried = await getPlanActions(sp, to.id);
    expect(carried.map((x) => x.carriedFromId).sort()).toEqual([a.id, b.id].sort());
    // The other direction: from the old action, the indexed CarriedFrom column finds the new one.
    for (const old of [a, b]) {
      const into = await queryOnce(sp, "actions", { filter: `CarriedFromId eq ${old.id}`, select: ["Id", "PlanId"] });
      expect(into).toHaveLength(1);
      expect(into[0].PlanId).toBe(to.id);
    }
    expect((await findPlan(sp, from.id))?.status).toBe("closed");
    const after = await getPlanActions(sp, from.id);
    expect(after.filter((x) => x.disposition === "open")).toEqual([]);

    const missing = await eap(["rollover", "--from", "No such plan", "--to", "Y", "--site", site.siteUrl]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No plan called "No such plan"');
    const badPeriod = await eap(["rollover", "--from", from.title, "--to", "Z", "--period", "2031", "--site", site.siteUrl]);
    expect(badPeriod.code).toBe(2);
  });
});

/**
 * Bad input to the plan writer gets a specific error naming the place, the field and the value, and nothing is
 * written; an interrupted write finishes on the next run without duplicates.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../../src/config/local-identities.ts";
import { createSp, DevTokenAuth, getPlanActions, getPlans, type SPFI } from "../../../src/data/index.ts";
import { PlanTreeInvalid, writePlanTree } from "../../../src/data/plan-tree/index.ts";
import { provision } from "../../../src/data/provision.ts";
import type { PlanTreeInput, TreeAction } from "../../../src/domain/plan-tree.ts";
import { SEED_ADMINISTRATOR, } from "../../../src/seed/people.ts";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";

let server: TestSharePoint;
let sp: SPFI;

const tree = (actions: TreeAction[]): PlanTreeInput => ({
  title: "Test plan",
  period: "2023-2027",
  roles: [{ name: "Employer", statement: "", objectives: [{ statement: "Objective", actions }] }],
});

async function itemCount(): Promise<number> {
  const s = (await (await fetch(`${server.baseUrl}/_local/stats`)).json()) as { requests: Record<string, number> };
  return s.requests["add-item"] ?? 0;
}

beforeAll(async () => {
  server = await startTestSharePoint({ site: "writer" });
  sp = createSp(server.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)), { retries: 6, retryIntervalMs: 10 });
  await provision(sp);
});
afterAll(async () => server?.close());

describe("writePlanTree: bad input", () => {
  it.each([
    ["an invalid date", { reference: "A-1", text: "Do it", dueText: "Smarch 2019" }, "dueText", "Smarch 2019"],
    ["an impossible date", { reference: "A-1", text: "Do it", dueText: "31/02/2024" }, "dueText", "31/02/2024"],
    ["a reference over 255 characters", { reference: "R".repeat(256), text: "Do it" }, "reference", "RRRR"],
    ["a missing action text", { reference: "A-1", text: "" }, "text", ""],
    ["an officer that is not an email", { reference: "A-1", text: "Do it", officerLogins: ["Data Intelligence Officer"] }, "officerLogins", "Data Intelligence Officer"],
  ])("%s is named with its place and value, and nothing is written", async (_, action, field, value) => {
    const before = await itemCount();
    const err = await writePlanTree(sp, tree([action as never]), { importId: "bad" }).catch((e) => e);
    expect(err).toBeInstanceOf(PlanTreeInvalid);
    const p = (err as PlanTreeInvalid).problems[0];
    expect(p.place).toMatch(/roles\[1\]|Role 1/);
    expect(p.field === field || p.place.includes(field)).toBe(true);
    expect(p.value).toContain(value);
    expect((err as Error).message).toMatch(/nothing was written/);
    expect(await itemCount()).toBe(before);
    expect(await getPlans(sp)).toHaveLength(0);
  });

  it("refuses a commitment that says it carries on an action the plan does not have", async () => {
    const before = await itemCount();
    const input: PlanTreeInput = {
      title: "Test plan",
      period: "2023-2027",
      roles: [
        {
          name: "Employer",
          objectives: [{ statement: "Objective", commitments: [{ statement: "We will listen.", continues: { reference: "EM-20-9", kind: "carried" } }], actions: [{ reference: "EM-1", text: "Do it" }] }],
        },
      ],
    };
    const err = await writePlanTree(sp, input, { importId: "dangling" }).catch((e) => e);
    expect(err).toBeInstanceOf(PlanTreeInvalid);
    expect((err as PlanTreeInvalid).problems).toEqual([
      { place: "Role 1 (Employer) › Objective 1 › Commitment 1", field: "continues", value: "EM-20-9", message: "the commitment continues an action that is not in the plan" },
    ]);
    expect(await itemCount()).toBe(before);
  });

  it("reports every problem at once", async () => {
    const err = await writePlanTree(
      sp,
      tree([
        { reference: "A-1", text: "One", dueText: "Spring 2019" },
        { reference: "A-2", text: "Two", dueText: "13/13/2024" },
        { reference: "A-1", text: "Three" },
      ]),
      { importId: "bad2" },
    ).catch((e) => e);
    expect((err as PlanTreeInvalid).problems.map((p) => p.field).sort()).toEqual(["dueText", "dueText", "reference"]);
  });
});

describe("writePlanTree: interrupted writes", () => {
  it("a write cut off part-way (the server goes away) finishes on the next run, without duplicates", async () => {
    const actions = Array.from({ length: 250 }, (_, i) => ({ reference: `B-${i + 1}`, text: `Action ${i + 1}`, dueText: "March 2025" }));
    const input = { ...tree(actions), title: "Interrupted plan" };
    const dataDir = mkdtempSync(join(tmpdir(), "eap-interrupted-"));
    const first = await startTestSharePoint({ site: "cut", dataDir });
    const cutSp = createSp(first.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)), { retries: 1 });
    await provision(cutSp);
    let stopped: Promise<void> | undefined;
    const err = await writePlanTree(cutSp, input, {
      importId: "interrupted",
      onProgress: (stage, done) => {
        // The server stops after the first 100 actions are written.
        if (stage === "actions" && done >= 100 && !stopped) stopped = first.close({ keepData: true });
      },
    }).catch((e) => e);
    await stopped;
    expect(err).toBeInstanceOf(Error);

    const second = await startTestSharePoint({ site: "cut", dataDir });
    try {
      const sp2 = createSp(second.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
      const plan = (await getPlans(sp2)).find((p) => p.title === "Interrupted plan")!;
      const partial = await getPlanActions(sp2, plan.id);
      expect(partial.length).toBeGreaterThanOrEqual(100);
      expect(partial.length).toBeLessThan(250);
      const done = await writePlanTree(sp2, input, { importId: "interrupted" });
      expect(done.planId).toBe(plan.id);
      expect(done.created.actions).toBe(250 - partial.length);
      const all = await getPlanActions(sp2, plan.id);
      expect(all).toHaveLength(250);
      expect(new Set(all.map((a) => a.reference)).size).toBe(250);
    } finally {
      await second.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

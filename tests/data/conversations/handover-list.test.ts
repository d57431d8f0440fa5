/**
 * The lead's handover list (the EDI digest's, the tab's, `eap reassign --list`) reads the actions of every owner
 * nobody reaches in one $batch: counted over HTTP against the local SharePoint with an Entra-shaped directory, the
 * list costs the same number of requests for 1 unreachable owner as for 30, and each owner's open actions are theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHandoverList, recordReachProblem } from "../../../src/data/conversations/index.ts";
import { createSp } from "../../../src/data/index.ts";
import { writePlanTree } from "../../../src/data/plan-tree/index.ts";
import type { PlanTreeInput } from "../../../src/domain/plan-tree.ts";
import { BOT_IDENTITY, botAuth, type DirectoryPerson, oidOf, resetSharePointStats, type Site, sharePointRequests, startDirectorySite } from "../../helpers/bot-harness.ts";

const OFFICERS: DirectoryPerson[] = Array.from({ length: 30 }, (_, i) => ({
  upn: `officer${String(i + 1).padStart(2, "0")}@example.org`,
  mail: i % 3 === 0 ? null : `o${i + 1}@example.org`,
  name: `Officer ${String(i + 1).padStart(2, "0")}`,
}));
/** Each officer owns two open actions and one complete one (which the list leaves out). */
const tree: PlanTreeInput = {
  title: "Handover plan",
  period: "2025-2029",
  roles: [
    {
      name: "Employer",
      objectives: [
        {
          statement: "Objective",
          actions: OFFICERS.flatMap((o, i) => [
            { reference: `H-${i + 1}-a`, text: "Open one", dueText: "2026-12-01", officerLogins: [o.upn] },
            { reference: `H-${i + 1}-b`, text: "Open two", dueText: "2027-01-01", officerLogins: [o.upn], status: "on-track" as const },
            { reference: `H-${i + 1}-c`, text: "Done", dueText: "2026-06-01", officerLogins: [o.upn], status: "complete" as const },
          ]),
        },
      ],
    },
  ],
};

let site: Site;
const app = () => createSp(site.siteUrl, botAuth());

async function markGone(people: readonly DirectoryPerson[]) {
  for (const p of people)
    await recordReachProblem(app(), undefined, { userId: oidOf(p.upn), upn: p.upn, name: p.name, problem: "disabled", reason: "their account is disabled: reassign their actions", mail: p.mail, checkedAt: new Date() });
}

/** The list as the lead's views read it, and the SharePoint requests it cost (a $batch counts once). */
async function measured() {
  const sp = app();
  await resetSharePointStats(site);
  const list = await getHandoverList(sp);
  return { list, requests: await sharePointRequests(site) };
}

beforeAll(async () => {
  site = await startDirectorySite(OFFICERS);
  await writePlanTree(site.spAs(BOT_IDENTITY.upn), tree, { importId: "handover-list" });
}, 90_000);
afterAll(async () => {
  await site?.close();
});

describe("the handover list", () => {
  let one: number;

  it("lists one unreachable owner with their open actions only", async () => {
    await markGone(OFFICERS.slice(0, 1));
    const { list, requests } = await measured();
    expect(list.map((h) => h.person.upn)).toEqual([OFFICERS[0].upn]);
    expect(list[0].actions.map((a) => a.reference).sort()).toEqual(["H-1-a", "H-1-b"]);
    one = requests;
  });

  it("lists 30 unreachable owners for the same number of requests as one", async () => {
    await markGone(OFFICERS.slice(1));
    const { list, requests } = await measured();
    expect(list).toHaveLength(30);
    for (const [i, o] of OFFICERS.entries()) {
      const entry = list.find((h) => h.person.upn === o.upn);
      expect(entry?.person.problem).toBe("disabled");
      expect(entry?.actions.map((a) => a.reference).sort()).toEqual([`H-${i + 1}-a`, `H-${i + 1}-b`]);
      expect(entry?.actions.every((a) => a.owner?.upn === o.upn)).toBe(true);
    }
    expect(requests).toBe(one);
    // The conversations, site users and plans, then the owners' actions in one $batch.
    expect(requests).toBeLessThanOrEqual(5);
  });
});

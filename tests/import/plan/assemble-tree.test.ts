/** Assembling the plan tree: commitments group their actions, empty objectives go, updates are dated. */
import { describe, expect, test } from "vitest";
import { assembleTree, schemaProblems } from "../../../src/import/plan/assemble-tree.ts";
import type { RoleDraft } from "../../../src/import/plan/build-drafts.ts";
import { draft } from "../fixtures/drafts.ts";


const action = (n: number, o: Parameters<typeof draft>[1]) => draft(n, { reference: `EM-${n}`, actionLines: [`Action ${n}`], teams: ["HR"], dueText: "June 2024", ...o });

describe("assembling the tree", () => {
  test("role → objective → commitment → action; objectives without actions are left out", () => {
    const roles: RoleDraft[] = [{ name: "Employer", statement: "We value staff.", objectives: ["Fair pay", "Unused"], place: {} }];
    const kept = [action(2, { commitment: "We will publish pay gaps" }), action(3, { update: "Started" }), action(4, { commitment: "We will publish pay gaps" })];
    const tree = assembleTree(roles, kept, { title: "Plan", period: "2023-2027", fileName: "plan.csv", today: "2024-05-01" });
    expect(schemaProblems(tree)).toEqual([]);
    const objectives = tree.roles[0].objectives ?? [];
    expect(objectives.map((o) => o.statement)).toEqual(["Fair pay"]);
    expect(objectives[0].commitments?.map((c) => [c.statement, c.actions?.map((a) => a.reference)])).toEqual([["We will publish pay gaps", ["EM-2", "EM-4"]]]);
    expect(objectives[0].actions?.map((a) => [a.reference, a.updates])).toEqual([
      ["EM-3", [{ date: "2024-05-01", authorName: "Imported from plan.csv", text: "Started", kind: "progress" }]],
    ]);
  });
});

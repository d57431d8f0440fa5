/**
 * The seeds' 2017 objectives table, imported from a real .docx built from the seed's own text: every action,
 * officer text, measure and date must say what the seed says. Then the same plan as Excel and CSV gives the same tree.
 * Parsers only (no server): the integration tests against the local SharePoint are in cli-import.test.ts.
 */
import { beforeAll, describe, expect, test } from "vitest";
import type { PlanTreeInput, TreeAction } from "../../src/domain/plan-tree.ts";
import { parsePlanFile } from "../../src/import/index.ts";
import { SEED_PEOPLE, SEED_UPNS } from "../../src/seed/people.ts";
import { buildDocx, seedDocRows } from "./fixtures/build-docx.ts";
import { buildCsv, buildXlsx } from "./fixtures/build-sheets.ts";
import { norm, type SeedAction, seedActions, seedTableRows } from "./fixtures/seed-2017.ts";

const people = SEED_PEOPLE.map((p) => ({ login: p.upn, email: p.mail ?? "", name: p.name, jobTitle: p.jobTitle }));
const opts = { fileName: "equalities-2017.docx", title: "Equality Objectives 2017 (imported)", period: "2017-2021", people };

const flat = (tree: PlanTreeInput) =>
  tree.roles.flatMap((r) => (r.objectives ?? []).flatMap((o) => (o.actions ?? []).map((a) => ({ role: r, objective: o.statement, action: a as TreeAction }))));
const stripBullets = (s: string) => norm(s.replace(/^• /gm, ""));

let seed: SeedAction[];
let tree: PlanTreeInput;
let docxBytes: Uint8Array;

beforeAll(async () => {
  const rows = seedTableRows();
  seed = seedActions(rows);
  docxBytes = await buildDocx([seedDocRows(rows)]);
  const r = await parsePlanFile(docxBytes, opts);
  expect(r.problems).toEqual([]);
  expect(r.format).toBe("docx");
  tree = r.tree!;
});

describe("the seeds' 2017 table from Word", () => {
  test("the fixture really has the Word features the importer must handle", async () => {
    const rows = seedTableRows();
    expect(rows.filter((r) => r.kind === "role")).toHaveLength(3);
    expect(rows.filter((r) => r.kind === "data" && r.continued).length).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.kind === "data" && r.cells.some((c) => c.bullets && c.items.length > 1))).toBe(true);
    const docRows = seedDocRows(rows);
    // The header row is typed again at the top of the second and third "page".
    expect(docRows.filter((r) => Array.isArray(r) && r[0] === "Objective")).toHaveLength(2);
  });

  test("three roles with their names and statements", () => {
    expect(tree.roles.map((r) => [r.name, r.statement])).toEqual([
      ["Community Leader", "We will engage with residents in an open and meaningful way."],
      ["Service Provider", "We will ensure our services are inclusive, accessible and support residents and customers."],
      ["Employer", "To have a workforce that feels valued and respected."],
    ]);
  });

  test("all 11 actions, each as the seed says it", () => {
    const got = flat(tree);
    expect(got).toHaveLength(11);
    expect(seed).toHaveLength(11);
    got.forEach((g, i) => {
      const s = seed[i];
      expect(s.role).toContain(g.role.name);
      expect(norm(g.objective)).toBe(s.objective);
      expect(stripBullets(g.action.text)).toBe(s.actions);
      expect(g.action.teams).toBe(s.officer);
      expect(norm((g.action.successMeasures ?? []).join(" "))).toBe(s.measures);
      expect(g.action.dueText).toBe(s.due);
    });
    expect(got.map((g) => g.action.reference)).toEqual(["CL-1", "CL-2", "CL-3", "CL-4", "SP-1", "SP-2", "SP-3", "EM-1", "EM-2", "EM-3", "EM-4"]);
  });

  test("specific cells: dates, a continued row, bullets and measures", () => {
    const byRef = new Map(flat(tree).map((g) => [g.action.reference, g]));
    // "Review by March" / "2018" across a page break is one date phrase.
    expect(byRef.get("SP-3")?.action.dueText).toBe("Review by March 2018");
    expect(byRef.get("CL-1")?.action.dueText).toBe("November 2017");
    expect(byRef.get("SP-1")?.action.dueText).toBe("");
    // The officer cell broken across the page break is joined back into one text.
    expect(byRef.get("CL-4")?.action.teams).toBe("Policy and Information team - Equalities and Corporate Policy Officer & Data Intelligence Officer");
    // Word bullet lists become "• " lines; the continued rows' bullets are added to the same action.
    const em1 = byRef.get("EM-1")!.action.text.split("\n");
    expect(em1[0]).toBe("• Equalities to form part of Service Planning Requirements");
    expect(em1.at(-1)).toBe("• Mandatory to read and accept.");
    expect(byRef.get("CL-3")?.action.successMeasures).toEqual([
      "Improvement in standard and consistency of consultation.",
      "Wider engagement with hard to reach groups demonstrated by responses received.",
    ]);
    expect(byRef.get("EM-1")?.action.successMeasures).toHaveLength(3);
  });

  test("officers are matched to known people by job title, in the order the cell names them", () => {
    const byRef = new Map(flat(tree).map((g) => [g.action.reference, g.action]));
    expect(byRef.get("CL-1")?.officerLogins).toEqual([SEED_UPNS.dataIntelligence]);
    expect(byRef.get("CL-3")?.officerLogins).toEqual([SEED_UPNS.dataIntelligence, SEED_UPNS.equalitiesPolicy]);
    expect(byRef.get("SP-1")?.officerLogins).toEqual([SEED_UPNS.equalitiesPolicy, SEED_UPNS.dataIntelligence]);
    // "Procurement" alone names no one specific: kept as text only.
    expect(byRef.get("SP-3")?.officerLogins).toEqual([]);
    expect(byRef.get("SP-3")?.teams).toBe("Procurement");
  });

  test("the same plan as Excel and as CSV gives the same tree", async () => {
    const xlsx = await parsePlanFile(await buildXlsx(tree), { ...opts, fileName: "plan.xlsx" });
    expect(xlsx.problems).toEqual([]);
    expect(xlsx.format).toBe("xlsx");
    expect(xlsx.tree).toEqual(tree);
    const csv = await parsePlanFile(buildCsv(tree), { ...opts, fileName: "plan.csv" });
    expect(csv.problems).toEqual([]);
    expect(csv.format).toBe("csv");
    expect(csv.tree).toEqual(tree);
  });

  test("headers are recognised by meaning (synonyms) and unknown ones can be mapped", async () => {
    const synonyms = ["Aim", "What we will do", "Lead", "Success measures", "Deadline"];
    const r = await parsePlanFile(buildCsv(tree, { headers: synonyms }), { ...opts, fileName: "plan.csv" });
    expect(r.problems).toEqual([]);
    expect(r.tree).toEqual(tree);
    const odd = ["Theme", "Deliverable", "Who", "Evidence", "When by"];
    const unmapped = await parsePlanFile(buildCsv(tree, { headers: odd }), { ...opts, fileName: "plan.csv" });
    expect(unmapped.tree).toBeNull();
    expect(unmapped.problems.map((p) => p.reason).sort()).toEqual(["missing-column", "missing-column"]);
    expect(unmapped.problems[0].message).toMatch(/--map/);
    const mapped = await parsePlanFile(buildCsv(tree, { headers: odd }), {
      ...opts,
      fileName: "plan.csv",
      mapping: { Theme: "objective", Deliverable: "action", Evidence: "measures", "When by": "due" },
    });
    expect(mapped.problems).toEqual([]);
    expect(mapped.tree).toEqual(tree);
    expect(mapped.tables[0].columns.find((c) => c.header === "Deliverable")).toEqual({ header: "Deliverable", field: "action", mapped: true });
  });
});

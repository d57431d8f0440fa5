/**
 * The seeded plan against its documents: every action and update of each document present, in the document's
 * order, with the document's words and status words, and nothing in the seeded history that no document says.
 * Counts are COUNTED FROM THE DOCUMENTS (by reading them here, or as literals whose comment says how they were
 * counted), never from the seed, so that a slip in the seed cannot make its own test pass.
 */
import { expect, it } from "vitest";
import { parseDuePhrase } from "../../src/domain/due-phrases.ts";
import { type PlanTree, planTreeSchema } from "../../src/domain/plan-tree.ts";
import { DISPOSITION_SENTENCES } from "../../src/domain/types.ts";
import { SOURCE_2022_23 } from "../../src/seed/appendix-2022-23.ts";
import { MAIDSTONE_PLAN_2017_21, STRATEGIC_PLAN_OBJECTIVES, seedCounts } from "../../src/seed/index.ts";
import { SOURCE_2017 } from "../../src/seed/plan-2017-table.ts";
import { SOURCE_2020 } from "../../src/seed/plan-2020-revision.ts";
import {
  actionsOf001,
  cellsOf,
  describeWithDocs,
  findAcrossCells,
  findAsCells,
  norm,
  paragraph000,
  progressBullets000,
  roleSection,
  seedDoc,
  verbatimPieces,
} from "./seed-docs.ts";

const tree: PlanTree = planTreeSchema.parse(MAIDSTONE_PLAN_2017_21);
const ROLES = ["Community Leader", "Employer", "Service Provider"] as const;
const roleOf = (name: string) => tree.roles.find((r) => r.name === name)!;
const objectivesOf = (role: string, source: string) => roleOf(role).objectives.filter((o) => o.source === source);
const actionsOf = (role: string, source: string) => objectivesOf(role, source).flatMap((o) => [...o.commitments.flatMap((c) => c.actions), ...o.actions]);
const allOf = (source: string) => ROLES.flatMap((r) => actionsOf(r, source));
const SENTENCES = Object.entries(DISPOSITION_SENTENCES) as [keyof typeof DISPOSITION_SENTENCES, string][];

describeWithDocs("seeded plan against 002 (the 2017 objectives and action table)", () => {
  const doc = seedDoc("002_");
  const cells = cellsOf(doc);
  const flat = norm(doc.replace(/·/g, " "));

  it("has the table's rows, one objective and action each, per role", () => {
    // 002's table, counted by hand: Role 1 has 4 rows, Role 2 has 3, Role 3 has 4.
    expect(ROLES.map((r) => objectivesOf(r, SOURCE_2017).length)).toEqual([4, 4, 3]);
    for (const r of ROLES) for (const o of objectivesOf(r, SOURCE_2017)) expect(o.actions).toHaveLength(1);
    // The three role statements, as 002 words them.
    for (const role of tree.roles) expect(flat).toContain(role.statement);
  });

  it("keeps each row's objective, action, responsible officer and date as written, in the table's order", () => {
    for (const r of ROLES) {
      const positions: number[] = [];
      for (const o of objectivesOf(r, SOURCE_2017)) {
        const a = o.actions[0];
        expect(flat, o.statement).toContain(o.statement.split(" ").slice(0, 5).join(" "));
        expect(findAsCells(a.teams, cells, 3, 40), `${a.reference}: ${a.teams}`).toBeGreaterThanOrEqual(0);
        for (const line of a.text.split("\n")) expect(flat, a.reference).toContain(line.replace(/^• /, "").split(" ").slice(0, 3).join(" "));
        if (a.dueText) expect(findAsCells(a.dueText, cells, 2, 40), `${a.reference}: ${a.dueText}`).toBeGreaterThanOrEqual(0);
        expect(parseDuePhrase(a.dueText).ok, a.dueText).toBe(true);
        positions.push(findAsCells(o.statement, cells, 6, 40));
      }
      expect(positions.every((p) => p >= 0), r).toBe(true);
      expect(positions, r).toEqual([...positions].sort((x, y) => x - y));
    }
    // 002: the two Service Provider rows "Review Equalities data …" and "Raise standard of EqIAs" have no date.
    expect(allOf(SOURCE_2017).filter((a) => a.dueText === "").map((a) => a.reference)).toEqual(["SP-17-1", "SP-17-2"]);
  });
});

describeWithDocs("seeded plan against 001 (the 2020 revision)", () => {
  const doc = seedDoc("001_");
  const flat = norm(doc);

  it("has every item 001 lists under Actions, as an action, in 001's order, word for word", () => {
    for (const r of ROLES) {
      const listed = actionsOf001(roleSection(doc, r));
      expect(actionsOf(r, SOURCE_2020).map((a) => a.text)).toEqual(listed);
    }
  });

  it("has each role's objective, why it matters, outcomes, connections and cross-cutting objectives verbatim", () => {
    for (const r of ROLES) {
      const [o] = objectivesOf(r, SOURCE_2020);
      const section = norm(roleSection(doc, r));
      expect(section).toContain(o.statement);
      for (const line of [...o.whyItMatters, ...o.outcomes.flatMap((x) => x.split("\n")), ...o.connections]) {
        expect(section, line).toContain(norm(line));
      }
      for (const c of o.crossCutting) expect(section, c).toContain(c);
    }
  });

  it("names the Strategic Plan priorities: 001's own two, and all four (from 000) where 001 says 'All'", () => {
    // 000 §1: "The four Strategic Plan objectives are: • Embracing Growth … • A Thriving Place".
    const doc000 = seedDoc("000_");
    for (const p of STRATEGIC_PLAN_OBJECTIVES) expect(doc000).toContain(`• ${p}`);
    expect(flat.match(/Support delivery of Strategic Plan Priority: All/g)).toHaveLength(2);
    for (const r of ["Community Leader", "Employer"]) expect(objectivesOf(r, SOURCE_2020)[0].priorities).toEqual([...STRATEGIC_PLAN_OBJECTIVES]);
    expect(flat).toContain("Support delivery of Strategic Plan Priority: Homes and Communities A Thriving Place");
    expect(objectivesOf("Service Provider", SOURCE_2020)[0].priorities).toEqual(["Homes and Communities", "A Thriving Place"]);
  });
});

describeWithDocs("seeded plan against 000 (the 2021 committee report: 2020-21 progress)", () => {
  const doc = seedDoc("000_");
  const flat = norm(doc);
  const updates2020 = allOf(SOURCE_2020).flatMap((a) => a.updates.map((u) => ({ reference: a.reference, text: u.text })));

  it("is dated with the committee's date, which 000's timetable gives", () => {
    expect(flat).toContain("Policy and Resources Committee 20 October 2021");
  });

  it("says nothing 000 does not: every piece of every 2020-21 update is verbatim in 000", () => {
    for (const u of updates2020) for (const piece of verbatimPieces(u.text)) expect(flat, `${u.reference}: ${piece.slice(0, 60)}`).toContain(piece);
  });

  it("has every progress item of 000 (paragraphs 2.10 to 2.12) on an action it speaks of", () => {
    const items = [...progressBullets000(doc), paragraph000(doc, "2.12")];
    // 000, counted by hand: 7 bullets in 2.10, 3 in 2.11, and the Armed Forces Bill paragraph 2.12.
    expect(items).toHaveLength(7 + 3 + 1);
    for (const item of items) {
      const on = updates2020.filter((u) => verbatimPieces(u.text).some((p) => p === item || p === `• ${item}` || norm(p) === item));
      expect(on.length, item.slice(0, 60)).toBeGreaterThan(0);
    }
  });

  it("puts each named item on the 2020 action that names the same work", () => {
    const on = (ref: string) => updates2020.filter((u) => u.reference === ref).map((u) => u.text).join("\n");
    expect(on("CL-20-1")).toContain("Compassionate Borough Status.");
    expect(on("SP-20-5")).toContain("Access to Services Member Review.");
    expect(on("SP-20-6")).toContain("Rough Sleeping initiative");
    expect(on("CL-20-5")).toContain("An Equalities Officer Group has been formed");
    expect(on("SP-20-2")).toContain("An Equalities Officer Group has been formed");
  });
});

describeWithDocs("seeded plan against 004 (the 2022-23 appendix)", () => {
  const doc = seedDoc("004_");
  const cells = cellsOf(doc);
  const flat = norm(doc);

  it("has as many actions per role as 004 has disposition sentences, and as many commitments as 'We will' statements", () => {
    for (const r of ROLES) {
      const section = roleSection(doc, r);
      const sentences = SENTENCES.reduce((n, [, s]) => n + section.split(s).length - 1, 0);
      expect(actionsOf(r, SOURCE_2022_23), r).toHaveLength(sentences);
      expect(objectivesOf(r, SOURCE_2022_23)[0].commitments, r).toHaveLength((section.match(/We will/g) ?? []).length);
    }
  });

  it("states each objective as 004 does", () => {
    for (const r of ROLES) expect(norm(roleSection(doc, r))).toContain(`Objective: ${objectivesOf(r, SOURCE_2022_23)[0].statement}`);
  });

  it("has every commitment and action verbatim, in 004's order", () => {
    for (const r of ROLES) {
      const [o] = objectivesOf(r, SOURCE_2022_23);
      for (const [list, find] of [
        [o.commitments.map((c) => c.statement), findAcrossCells],
        [o.actions.map((a) => a.text), findAsCells],
      ] as const) {
        const positions = list.map((t) => find(t, cells, 6, 16));
        for (const [i, p] of positions.entries()) expect(p, list[i]).toBeGreaterThanOrEqual(0);
        expect(positions, r).toEqual([...positions].sort((x, y) => x - y));
      }
    }
  });

  it("has the disposition of the sentence that follows each action, the appendix's only status words", () => {
    for (const a of allOf(SOURCE_2022_23)) {
      const at = flat.indexOf(cells[findAsCells(a.text, cells, 6)]);
      const next = SENTENCES.map(([d, s]) => ({ d, i: flat.indexOf(s, at) }))
        .filter((x) => x.i >= 0)
        .sort((x, y) => x.i - y.i)[0];
      expect(a.disposition, a.reference).toBe(next.d);
    }
    const count = (s: string) => doc.split(s).length - 1;
    expect(seedCounts().byDisposition).toMatchObject({
      closed: count(DISPOSITION_SENTENCES.closed),
      ongoing: count(DISPOSITION_SENTENCES.ongoing),
      developed: count(DISPOSITION_SENTENCES.developed),
    });
  });

  it("starts every paragraph of every update with text that is verbatim in 004, without the disposition sentence", () => {
    for (const a of allOf(SOURCE_2022_23)) {
      for (const paragraph of a.updates[0].text.split("\n\n")) expect(flat, `${a.reference}`).toContain(paragraph.slice(0, 40));
      for (const [, s] of SENTENCES) expect(a.updates[0].text, a.reference).not.toContain(s);
    }
  });

  it("links a commitment to a 2020 action only where 004 restates that action's words", () => {
    const doc001 = norm(seedDoc("001_"));
    const words = (s: string) => new Set(norm(s).toLowerCase().replace(/[^a-z0-9 ]/g, "").split(" "));
    const byRef = new Map(allOf(SOURCE_2020).map((a) => [a.reference, a.text]));
    for (const r of ROLES) {
      for (const c of objectivesOf(r, SOURCE_2022_23)[0].commitments) {
        if (!c.continues) continue;
        const earlier = byRef.get(c.continues.reference)!;
        expect(doc001).toContain(norm(earlier));
        const same = norm(c.statement).toLowerCase().replace(/ the /g, " ") === norm(earlier).toLowerCase().replace(/ the /g, " ");
        expect(same, `${c.continues.reference} ${c.continues.kind}: ${c.statement.slice(0, 50)}`).toBe(c.continues.kind === "carried");
        // Developed: reworded, but most of the earlier action's words are still there.
        const shared = [...words(earlier)].filter((w) => words(c.statement).has(w)).length / words(earlier).size;
        expect(shared, c.statement.slice(0, 50)).toBeGreaterThan(0.5);
      }
    }
  });
});

describeWithDocs("seeded plan: totals, counted from the documents", () => {
  it("matches the documents' counts", () => {
    const d4 = seedDoc("004_");
    const d1 = seedDoc("001_");
    const actions001 = ROLES.reduce((n, r) => n + actionsOf001(roleSection(d1, r)).length, 0);
    const actions004 = SENTENCES.reduce((n, [, s]) => n + d4.split(s).length - 1, 0);
    const commitments004 = (d4.match(/We will/g) ?? []).length;
    const counts = seedCounts();
    // 11 rows of 002's table; 001's "Actions"; 004's actions (one disposition sentence each).
    expect(counts.actions).toBe(11 + actions001 + actions004);
    // Objectives: 11 table rows, one 2020 objective per role, one 2022-23 objective per role.
    expect(counts.objectives).toBe(11 + 3 + 3);
    expect(counts.commitments).toBe(commitments004);
    // Updates: one per 004 action; one per 2020 action 000 speaks of (10: the Equalities Officer Group item is on
    // both roles' "appoint an Equalities Group" actions).
    expect(counts.updates).toBe(actions004 + 10);
    expect(counts.byDisposition.open).toBe(11 + actions001);
  });
});

/**
 * The seeded plan's shape and what it may claim, without the documents: its three framings, an honest history
 * (statuses, dispositions, update sources and dates), links that resolve, and the demonstration plan made from it.
 */
import { describe, expect, it } from "vitest";
import { type PlanTree, placedActions, planTreeSchema } from "../../src/domain/plan-tree.ts";
import {
  DEMONSTRATION_PLAN_TITLE,
  demonstrationPlan,
  MAIDSTONE_PLAN_2017_21,
  seedCounts,
  treeActions,
} from "../../src/seed/index.ts";
import { SOURCE_2022_23, UPDATE_SOURCE_2022_23 } from "../../src/seed/appendix-2022-23.ts";
import { SOURCE_2017 } from "../../src/seed/plan-2017-table.ts";
import { SOURCE_2020 } from "../../src/seed/plan-2020-revision.ts";
import { COMMITTEE_DATE_2020_21, SOURCE_2020_21 } from "../../src/seed/progress-2020-21.ts";

const tree: PlanTree = planTreeSchema.parse(MAIDSTONE_PLAN_2017_21);
const all = treeActions(tree);
const framing = (source: string) => tree.roles.flatMap((r) => r.objectives.filter((o) => o.source === source));
const actionsOf = (source: string) => framing(source).flatMap((o) => [...o.commitments.flatMap((c) => c.actions), ...o.actions]);

describe("seeded plan: shape", () => {
  it("is the closed 2017-2021 plan with the local characteristics of 004 and the three roles of 002", () => {
    expect(tree).toMatchObject({ title: "Equality Objectives and Action Plan 2017-2021", period: "2017-2021", status: "closed", demonstration: false });
    expect(tree.localCharacteristics).toEqual(["poverty", "armed-forces"]);
    expect(tree.roles.map((r) => r.name)).toEqual(["Community Leader", "Employer", "Service Provider"]);
  });

  it("holds every objective under one of the three framings, shown in the order they were set out", () => {
    for (const role of tree.roles) {
      expect(new Set(role.objectives.map((o) => o.source))).toEqual(new Set([SOURCE_2017, SOURCE_2020, SOURCE_2022_23]));
      const shown = [...role.objectives].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((o) => o.source);
      const firstOf = (s: string) => shown.indexOf(s);
      expect(firstOf(SOURCE_2017)).toBe(0);
      expect(shown.lastIndexOf(SOURCE_2017)).toBeLessThan(firstOf(SOURCE_2020));
      expect(firstOf(SOURCE_2020)).toBeLessThan(firstOf(SOURCE_2022_23));
      // The import keys are positional: the 2020 objective keeps position 1 and the 2017 rows follow, as first seeded.
      expect(role.objectives[0].source).toBe(SOURCE_2020);
      expect(role.objectives.slice(1, -1).every((o) => o.source === SOURCE_2017)).toBe(true);
      expect(new Set(role.objectives.map((o) => o.order)).size).toBe(role.objectives.length);
    }
  });

  it("gives every action a reference once, numbered per framing and role in order", () => {
    const refs = all.map((a) => a.reference);
    expect(new Set(refs).size).toBe(refs.length);
    for (const [source, year] of [
      [SOURCE_2017, "17"],
      [SOURCE_2020, "20"],
      [SOURCE_2022_23, "22"],
    ] as const) {
      for (const role of tree.roles) {
        const prefix = { "Community Leader": "CL", Employer: "EM", "Service Provider": "SP" }[role.name];
        const refsHere = role.objectives.filter((o) => o.source === source).flatMap((o) => [...o.commitments.flatMap((c) => c.actions), ...o.actions]).map((a) => a.reference);
        expect(refsHere).toEqual(refsHere.map((_, i) => `${prefix}-${year}-${i + 1}`));
      }
    }
  });

  it("makes every 2020 action trackable: an owner, a status and its updates, directly under the 2020 objective", () => {
    for (const o of framing(SOURCE_2020)) {
      expect(o.commitments).toEqual([]);
      for (const a of o.actions) expect(a.officerLogins.length, a.reference).toBeGreaterThan(0);
    }
  });

  it("keeps the 2022-23 appendix's commitments on its objective and its actions beside them, unpaired", () => {
    for (const o of framing(SOURCE_2022_23)) {
      for (const c of o.commitments) expect(c.actions, c.statement).toEqual([]);
    }
  });
});

describe("seeded plan: no invented history", () => {
  it("records no status for any action: the documents give none", () => {
    expect(seedCounts().byStatus).toEqual({ "not-started": 0, "on-track": 0, "at-risk": 0, complete: 0, "not-recorded": all.length });
  });

  it("gives a disposition only where the 2022-23 appendix says one", () => {
    for (const a of [...actionsOf(SOURCE_2017), ...actionsOf(SOURCE_2020)]) expect(a.disposition, a.reference).toBe("open");
    for (const a of actionsOf(SOURCE_2022_23)) expect(a.disposition, a.reference).not.toBe("open");
  });

  it("attributes every update to the body that reported it, with no author, dated as its source allows", () => {
    for (const a of actionsOf(SOURCE_2017)) expect(a.updates, a.reference).toEqual([]);
    for (const a of actionsOf(SOURCE_2020)) {
      for (const u of a.updates) {
        expect(u, a.reference).toMatchObject({ source: SOURCE_2020_21, authorName: "", date: COMMITTEE_DATE_2020_21, datePrecision: "exact", period: "2020-21", kind: "progress", statusAtTime: null, decision: null });
      }
    }
    for (const a of actionsOf(SOURCE_2022_23)) {
      expect(a.updates, a.reference).toHaveLength(1);
      expect(a.updates[0], a.reference).toMatchObject({ source: UPDATE_SOURCE_2022_23, authorName: "", date: "2023-03-31", datePrecision: "period-end", period: "2022-23", kind: "progress", statusAtTime: null, decision: null });
    }
  });

  it("names no author on any seeded update (who entered an update is SharePoint's to say)", () => {
    for (const a of all) for (const u of a.updates) expect("authorLogin" in u && u.authorLogin !== undefined, a.reference).toBe(false);
  });

  it("marks gaps only with ' […]', never with three dots", () => {
    for (const a of all) for (const u of a.updates) expect(u.text, a.reference).not.toMatch(/\.\.\.|…(?!\])/);
  });

  it("links each restating commitment to an action of the plan, and nothing else", () => {
    const refs = new Set(all.map((a) => a.reference));
    const links = tree.roles.flatMap((r) => r.objectives.flatMap((o) => o.commitments.flatMap((c) => (c.continues ? [c.continues] : []))));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(refs.has(l.reference), l.reference).toBe(true);
      expect(l.reference, "a 2022-23 commitment continues a 2020 action").toMatch(/^(CL|EM|SP)-20-\d+$/);
    }
  });
});

describe("demonstration plan", () => {
  const demo = planTreeSchema.parse(demonstrationPlan());
  const continuing = actionsOf(SOURCE_2022_23).filter((a) => a.disposition === "ongoing" || a.disposition === "developed");

  it("is an active demonstration plan that follows the seeded plan", () => {
    expect(demo).toMatchObject({ title: DEMONSTRATION_PLAN_TITLE, period: "2023-2027", status: "active", demonstration: true, predecessorTitle: tree.title });
  });

  it("carries exactly the actions the appendix says continue, linked, with no history, not started in the new plan", () => {
    const carried = placedActions(demo).map((p) => p.action);
    expect(carried.map((a) => a.carriedFromReference)).toEqual(continuing.map((a) => a.reference));
    for (const a of carried) {
      expect(a, a.reference).toMatchObject({ status: "not-started", disposition: "open", updates: [], dueText: "" });
      const from = continuing.find((c) => c.reference === a.carriedFromReference)!;
      expect(a.officerLogins).toEqual(from.officerLogins);
      expect(a.text).toBe(from.text);
    }
  });

  it("states the appendix's objectives and commitments afresh (no links into the old plan)", () => {
    for (const [i, role] of demo.roles.entries()) {
      const of2022 = tree.roles[i].objectives.find((o) => o.source === SOURCE_2022_23)!;
      expect(role.objectives.map((o) => o.statement)).toEqual([of2022.statement]);
      expect(role.objectives[0].commitments.map((c) => c.statement)).toEqual(of2022.commitments.map((c) => c.statement));
      expect(role.objectives[0].commitments.every((c) => c.continues === undefined)).toBe(true);
    }
  });
});

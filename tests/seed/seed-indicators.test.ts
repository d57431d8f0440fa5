/**
 * The seeded indicators (src/seed/indicators.ts) against the seed and its documents: each sits on an action of the
 * plan and measures a success measure the documents write; every value is a figure a document gives, on the action
 * whose update gives it; no document-less history; every definition passes the domain's checks; the demonstration
 * plan carries definitions only; docs/seed-provenance.md lists each indicator with its basis.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkValue } from "../../src/domain/indicator-values.ts";
import { checkIndicator } from "../../src/domain/indicators.ts";
import { placedActions, planTreeSchema } from "../../src/domain/plan-tree.ts";
import { demonstrationPlan, MAIDSTONE_PLAN_2017_21 } from "../../src/seed/index.ts";
import { DEMONSTRATION_VALUES_FROM, demonstrationIndicators, SEED_INDICATORS_2017_21 } from "../../src/seed/indicators.ts";
import { describeWithDocs, norm, seedDoc } from "./seed-docs.ts";

const tree = planTreeSchema.parse(MAIDSTONE_PLAN_2017_21);
const placed = placedActions(tree);
const actionOf = (ref: string) => placed.find((p) => p.action.reference === ref);
const page = readFileSync(new URL("../../docs/seed-provenance.md", import.meta.url), "utf8");

describe("seeded indicators", () => {
  it("each sits on an action of the plan and passes the domain's checks, as do its values", () => {
    for (const i of SEED_INDICATORS_2017_21) {
      expect(actionOf(i.actionReference), i.actionReference).toBeDefined();
      const d = checkIndicator(i.definition, { localCharacteristics: tree.localCharacteristics });
      expect(d.ok, `${i.actionReference} ${i.definition.name}`).toBe(true);
      if (!d.ok) continue;
      for (const v of i.values) expect(checkValue(d.definition, v, { today: "2021-10-20" }).ok, `${i.definition.name} ${v.period}`).toBe(true);
    }
  });

  it("measures a success measure written on its action or on its objective", () => {
    for (const i of SEED_INDICATORS_2017_21.filter((x) => x.definition.measure)) {
      const p = actionOf(i.actionReference)!;
      const objective = tree.roles[p.roleIndex].objectives[p.objectiveIndex];
      const written = [...p.action.successMeasures, ...objective.outcomes, p.action.text];
      expect(
        written.some((w) => norm(w).includes(norm(i.definition.measure ?? "")) || norm(i.definition.measure ?? "").includes(norm(w))),
        `${i.actionReference}: "${i.definition.measure}"`,
      ).toBe(true);
    }
  });

  it("has values only where a document gives them: on the action whose update reports them, in its words", () => {
    const withValues = SEED_INDICATORS_2017_21.filter((i) => i.values.length > 0);
    expect(withValues.map((i) => i.actionReference)).toEqual(["CL-20-4"]);
    const update = actionOf("CL-20-4")!.action.updates.find((u) => u.period === "2020-21")!;
    for (const v of withValues[0].values) {
      const said = v.group ? `${v.value} were ${v.group}` : `${v.value} consultations completed in ${v.period}`;
      expect(norm(update.text).toLowerCase(), said).toContain(said.toLowerCase());
      expect(update.source).toBe(v.source);
      expect(update.date).toBe(v.reportedOn);
    }
  });

  it("sets no baseline, and a target only where the measure's own words fix it", () => {
    for (const i of SEED_INDICATORS_2017_21) {
      expect(i.definition.baseline ?? null, i.definition.name).toBeNull();
      if (i.definition.target) expect(i.definition.measure, i.definition.name).toMatch(/\b(every|all)\b/i);
    }
  });

  it("carries into the demonstration plan as definitions of its carried actions' indicators, with no values", () => {
    const demoRefs = placedActions(planTreeSchema.parse(demonstrationPlan())).map((p) => p.action.reference);
    const carried = demonstrationIndicators(demoRefs);
    expect(carried.map((i) => i.actionReference)).toEqual(SEED_INDICATORS_2017_21.filter((i) => demoRefs.includes(i.actionReference)).map((i) => i.actionReference));
    expect(carried.length).toBeGreaterThan(0);
    for (const i of carried) {
      expect(i.values).toEqual([]);
      expect(i.definition.valuesFrom).toBe(DEMONSTRATION_VALUES_FROM);
    }
  });

  it("is listed, indicator by indicator, with its basis in docs/seed-provenance.md", () => {
    const lines = page.split("\n");
    const at = lines.findIndex((l) => l.startsWith("| Action | Indicator |"));
    expect(at, "a table headed | Action | Indicator |").toBeGreaterThanOrEqual(0);
    const rows: string[][] = [];
    for (const l of lines.slice(at + 2)) {
      if (!l.startsWith("|")) break;
      rows.push(l.split("|").slice(1, -1).map((c) => c.trim()));
    }
    expect(rows.map(([ref, name]) => `${ref} ${name}`).sort()).toEqual(SEED_INDICATORS_2017_21.map((i) => `${i.actionReference} ${i.definition.name}`).sort());
  });
});

describeWithDocs("seeded indicator values against 000", () => {
  it("are the figures 000 gives for 2020/21, and only those", () => {
    const doc = norm(seedDoc("000_"));
    expect(doc).toContain("There were a total of 23 consultations completed in 2020/21; 14 were external resident or stakeholder surveys and 9 were internal staff or Member surveys.");
    const values = SEED_INDICATORS_2017_21.flatMap((i) => i.values);
    expect(values.map((v) => v.value).sort()).toEqual([14, 23, 9].sort());
    // 000's count for 2021/22 is "to date" (a part year): not a value of that year.
    expect(doc).toContain("There have been 15 consultations for 2021/22 to date.");
    expect(values.some((v) => v.period === "2021/22" || v.value === 15)).toBe(false);
  });
});

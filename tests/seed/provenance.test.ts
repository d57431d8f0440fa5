/**
 * docs/seed-provenance.md lists every inference of the seed: each officer assignment, each tag, each link between
 * framings and each placement of a 2020-21 update. Checked against the seed, so the page cannot fall behind it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { placedActions, planTreeSchema } from "../../src/domain/plan-tree.ts";
import { MAIDSTONE_PLAN_2017_21, SEED_DEPARTED, SEED_PEOPLE } from "../../src/seed/index.ts";

const page = readFileSync(new URL("../../docs/seed-provenance.md", import.meta.url), "utf8");
const tree = planTreeSchema.parse(MAIDSTONE_PLAN_2017_21);
const actions = placedActions(tree).map((p) => p.action);
const nameOf = (upn: string) => [...SEED_PEOPLE, SEED_DEPARTED].find((p) => p.upn === upn)?.name;

/** Rows of the markdown table whose header starts with `header`, as arrays of trimmed cells. */
function table(header: string): string[][] {
  const lines = page.split("\n");
  const at = lines.findIndex((l) => l.startsWith(`| ${header}`));
  expect(at, `a table headed "${header}"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const l of lines.slice(at + 2)) {
    if (!l.startsWith("|")) break;
    rows.push(l.split("|").slice(1, -1).map((c) => c.trim()));
  }
  return rows;
}

describe("seed provenance page", () => {
  it("lists every action's officers, in order", () => {
    const rows = new Map(table("Action | Officers").map(([ref, officers]) => [ref, officers]));
    expect([...rows.keys()].sort()).toEqual(actions.map((a) => a.reference).sort());
    for (const a of actions) expect(rows.get(a.reference), a.reference).toBe(a.officerLogins.map(nameOf).join(", "));
  });

  it("lists every tag with its basis", () => {
    const rows = table("Action | Tag | Basis").map(([ref, tag, basis]) => ({ ref, tag, basis }));
    const tags = actions.flatMap((a) => a.characteristics.map((c) => `${a.reference} ${c}`));
    expect(rows.map((r) => `${r.ref} ${r.tag}`).sort()).toEqual(tags.sort());
    for (const r of rows) expect(r.basis, r.ref).toMatch(/^(words|inference):/);
  });

  it("lists every link between a 2022-23 commitment and a 2020 action", () => {
    const rows = table("Action | Kind | 2022-23 commitment").map(([ref, kind]) => `${ref} ${kind}`);
    const links = tree.roles.flatMap((r) => r.objectives.flatMap((o) => o.commitments.flatMap((c) => (c.continues ? [`${c.continues.reference} ${c.continues.kind}`] : []))));
    expect(rows.sort()).toEqual(links.sort());
  });

  it("lists where every 2020-21 update was put", () => {
    const rows = table("Action | 000 item").flatMap(([refs]) => refs.split(", "));
    const updated = actions.filter((a) => a.updates.some((u) => u.period === "2020-21")).map((a) => a.reference);
    expect(rows.sort()).toEqual(updated.sort());
  });

  it("lists every person of the cast", () => {
    const names = table("Person (fictional)").map(([name]) => name);
    for (const p of [...SEED_PEOPLE, SEED_DEPARTED]) expect(names, p.name).toContain(p.name);
  });
});

/**
 * Action references: as written in a Ref column (unique across the plan, compared without case), else made from
 * the role's initials ("CL-3"), skipping any reference the file already uses.
 */
import { roleAbbreviation } from "../roles.ts";
import type { ImportProblem } from "../types.ts";
import type { Draft, RoleDraft } from "./build-drafts.ts";

export function assignReferences(drafts: Draft[], roles: readonly RoleDraft[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const used = new Set<string>();
  for (const d of drafts) {
    if (!d.reference) continue;
    if (used.has(d.reference.toLowerCase()))
      problems.push({ reason: "invalid", place: { ...d.place, column: d.columns.reference }, value: d.reference, message: "This reference is used by another action above.", rowKey: d.rowKey });
    used.add(d.reference.toLowerCase());
  }
  const counters = new Map<number, number>();
  for (const d of drafts) {
    if (d.reference || d.roleIndex < 0) continue;
    const abbr = roleAbbreviation(roles[d.roleIndex].name);
    let ref: string;
    do {
      const n = (counters.get(d.roleIndex) ?? 0) + 1;
      counters.set(d.roleIndex, n);
      ref = `${abbr}-${n}`;
    } while (used.has(ref.toLowerCase()));
    used.add(ref.toLowerCase());
    d.reference = ref;
  }
  return problems;
}

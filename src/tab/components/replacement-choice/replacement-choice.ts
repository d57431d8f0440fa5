/** The lead's choice of successors, as the server takes it: only for the people listed, every one of them named. */
import type { UnresolvedPerson } from "../../../data/plan-tree/people.ts";

export const keyOf = (login: string) => login.toLowerCase();

/** The people listed who have no successor chosen yet. */
export const withoutSuccessor = (people: readonly UnresolvedPerson[], chosen: Readonly<Record<string, string>>) =>
  people.filter((p) => !chosen[keyOf(p.login)]);

/** The successors of the people listed (`reassign` of the import and rollover routes). */
export function reassignOf(people: readonly UnresolvedPerson[], chosen: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of people) {
    const to = chosen[keyOf(p.login)];
    if (to) out[keyOf(p.login)] = to;
  }
  return out;
}

/** "Choose who takes over from A and B: nothing is written until each has a successor." */
export function successorsMissing(missing: readonly UnresolvedPerson[], nameOf: (login: string) => string): string | null {
  if (missing.length === 0) return null;
  const names = missing.map((p) => nameOf(p.login));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `Choose who takes over from ${list}: nothing is written until each has a successor.`;
}

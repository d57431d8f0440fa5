/**
 * The successors the lead chooses for people a plan names who cannot be found, for the import and rollover
 * wizards: the server lists them (a dry run, or a refused write: "people-unresolved"), the lead chooses, and every
 * request after that carries the choice (`reassign`, applied on the server by the CLI's rule).
 */
import { useCallback, useMemo, useState } from "react";
import type { UnresolvedPerson } from "../../../data/plan-tree/people.ts";
import { ApiRefusal, type ApiReassign } from "../../lib/api-client.ts";
import { keyOf, reassignOf, successorsMissing, withoutSuccessor } from "./replacement-choice.ts";

/**
 * The people listed so far, updated by a new answer: someone listed before keeps their place (and the successor
 * chosen, who resolved), so a later answer naming only a successor who cannot be found loses no earlier choice.
 */
export function mergePeople(before: readonly UnresolvedPerson[], now: readonly UnresolvedPerson[]): UnresolvedPerson[] {
  const fresh = new Map(now.map((p) => [keyOf(p.login), p]));
  const kept = before.map((p) => fresh.get(keyOf(p.login)) ?? { ...p, replacement: undefined });
  return [...kept, ...now.filter((p) => !before.some((b) => keyOf(b.login) === keyOf(p.login)))];
}

export function useSuccessors() {
  const [unresolved, setUnresolved] = useState<UnresolvedPerson[]>([]);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  /** Said when the lead asks to write while someone listed has no successor. */
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const missing = useMemo(() => withoutSuccessor(unresolved, chosen), [unresolved, chosen]);

  /** The words for who still needs a successor (and shows them), or null when everyone listed has one. */
  const requireAll = useCallback(
    (nameOf: (login: string) => string | undefined): string | null => {
      const m = successorsMissing(missing, (l) => nameOf(l) ?? l);
      setChoiceError(m);
      return m;
    },
    [missing],
  );

  /** Runs a request with the successors chosen; people the server could not find are listed for the choice. */
  const withSuccessors = useCallback(
    async <T>(request: (reassign: ApiReassign) => Promise<T>): Promise<T> => {
      try {
        return await request(reassignOf(unresolved, chosen));
      } catch (err) {
        if (err instanceof ApiRefusal && err.reason === "people-unresolved" && err.people) {
          const people = err.people;
          setUnresolved((u) => mergePeople(u, people));
        }
        throw err;
      }
    },
    [unresolved, chosen],
  );

  const choose = useCallback((login: string, successor: string) => {
    setChoiceError(null);
    setChosen((c) => ({ ...c, [login]: successor }));
  }, []);
  const reset = useCallback(() => {
    setUnresolved([]);
    setChosen({});
    setChoiceError(null);
  }, []);

  return { unresolved, chosen, choiceError, choose, requireAll, withSuccessors, reset };
}

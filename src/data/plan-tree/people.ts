/**
 * The people a plan names, resolved before anything is written. SharePoint's ensureUser refuses anyone who is not
 * (or no longer) in the directory: an officer who has left the council, a mistyped address. A four-year-old plan
 * names several such people, so every one of them is found and listed with the places that name them, and the
 * equalities lead chooses a replacement for each (`--reassign old=new`, or the tab's rollover and import pages);
 * the plan is written only when every person resolves.
 */
import type { PlanTree } from "../../domain/plan-tree.ts";
import { placedActions } from "../../domain/plan-tree.ts";
import type { Person } from "../../domain/types.ts";
import { batchOps } from "../batching.ts";
import type { SPFI } from "../create-sp.ts";
import { DataError, isPassing, sharePointText, toDataError } from "../errors.ts";
import { ensurePerson } from "../people/repository.ts";

/** Old login (any case) → the login of the person who takes over. */
export type Reassignments = ReadonlyMap<string, string>;

/** Where a plan names someone: the action's reference and in what capacity. */
export interface PersonPlace {
  reference: string;
  as: "owner" | "officer" | "author";
  /** For an author: which update of the action (1-based). */
  update?: number;
}

export interface UnresolvedPerson {
  /** The login as the plan names it. */
  login: string;
  /** The replacement the caller chose, when that is what could not be found. */
  replacement?: string;
  places: PersonPlace[];
  /** SharePoint's answer ("The specified user … could not be found."). */
  reason: string;
}

export const describePlace = (p: PersonPlace): string =>
  p.as === "author" ? `author of update ${p.update} on ${p.reference}` : `${p.as === "owner" ? "accountable officer" : "officer"} on ${p.reference}`;

/** Every person who cannot be resolved, each with every place that names them. Nothing was written. */
export class PeopleUnresolved extends DataError {
  readonly people: UnresolvedPerson[];
  constructor(people: UnresolvedPerson[]) {
    const lines = people.map(
      (p) =>
        `- ${p.login}${p.replacement ? ` (replacement ${p.replacement})` : ""}: ${p.places.map(describePlace).join("; ")}. ${p.reason}`,
    );
    super(
      "not-found",
      `${people.length} ${people.length === 1 ? "person" : "people"} named in the plan cannot be found in the organisation's directory (left, disabled or mistyped); nothing was written. Choose who takes over from each.\n${lines.join("\n")}`,
    );
    this.name = "PeopleUnresolved";
    this.people = people;
  }
}

/** Parses `old=new` pairs (the CLI's repeatable --reassign); returns the map or the problems, all of them. */
export function parseReassignments(pairs: readonly string[]): { ok: true; value: Reassignments } | { ok: false; problems: string[] } {
  const out = new Map<string, string>();
  const problems: string[] = [];
  const address = /^[^@\s=|]+@[^@\s=|]+\.[^@\s=|]+$/;
  for (const pair of pairs) {
    const [from, to, ...rest] = pair.split("=").map((s) => s.trim());
    if (rest.length || !from || !to) problems.push(`"${pair}": expected old=new, e.g. neil.ashworth@example.org=tom.okafor@example.org`);
    else if (!address.test(from) || !address.test(to)) problems.push(`"${pair}": both sides must be sign-in names or email addresses`);
    else if (out.has(from.toLowerCase()) && out.get(from.toLowerCase()) !== to) problems.push(`"${pair}": ${from} is reassigned twice`);
    else out.set(from.toLowerCase(), to);
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}

/** The login to resolve for `login`: its replacement when one was chosen. */
export const reassigned = (login: string, reassign: Reassignments | undefined): string => reassign?.get(login.toLowerCase()) ?? login;

/** Where the tree names each login (before reassignment), limited to the actions and updates `needed` accepts. */
export function placesOf(tree: PlanTree, needed: { action: (reference: string) => boolean; update: (reference: string, n: number) => boolean }): Map<string, PersonPlace[]> {
  const places = new Map<string, PersonPlace[]>();
  const add = (login: string, place: PersonPlace): void => {
    const k = login.toLowerCase();
    places.set(k, [...(places.get(k) ?? []), place]);
  };
  for (const { action } of placedActions(tree)) {
    if (needed.action(action.reference)) {
      for (const [i, l] of action.officerLogins.entries()) add(l, { reference: action.reference, as: i === 0 ? "owner" : "officer" });
    }
    action.updates.forEach((u, j) => {
      if (u.authorLogin && needed.update(action.reference, j + 1)) add(u.authorLogin, { reference: action.reference, as: "author", update: j + 1 });
    });
  }
  return places;
}

/** SharePoint's "cannot find this person": 400 from ensureUser (or the user is no longer usable). */
function isUnknownPerson(err: unknown): boolean {
  const e = toDataError(err);
  return e.status === 400 || e.status === 404;
}

/**
 * Resolves every login of `places` (after reassignment) to a site user, all of them before anyone is written.
 * Returns login (lower-case, as the plan names it) → person; throws PeopleUnresolved listing every one that fails.
 */
export async function resolvePeople(sp: SPFI, places: ReadonlyMap<string, PersonPlace[]>, reassign?: Reassignments): Promise<Map<string, Person>> {
  const logins = [...places.keys()];
  const targets = [...new Set(logins.map((l) => reassigned(l, reassign).toLowerCase()))];
  const settled = await batchOps(
    sp,
    targets.map((t) => (b: SPFI) => ensurePerson(b, t)),
  );
  const byTarget = new Map<string, Person>();
  const failures = new Map<string, string>();
  settled.forEach((s, i) => {
    if (s.ok) byTarget.set(targets[i], s.value);
    else if (isUnknownPerson(s.error) && !isPassing(s.error)) failures.set(targets[i], sharePointText(s.error));
    else throw toDataError(s.error, `Resolving ${targets[i]}`);
  });
  const unresolved: UnresolvedPerson[] = [];
  const people = new Map<string, Person>();
  for (const login of logins) {
    const target = reassigned(login, reassign).toLowerCase();
    const person = byTarget.get(target);
    if (person) people.set(login, person);
    else unresolved.push({ login, replacement: target !== login ? target : undefined, places: places.get(login) ?? [], reason: failures.get(target) ?? "" });
  }
  if (unresolved.length) throw new PeopleUnresolved(unresolved);
  return people;
}

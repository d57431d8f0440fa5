/**
 * What the lead's whole-plan commands (import, rollover) share besides the lead's check (./lead.ts): the successors
 * chosen for people who have left are checked by the CLI's own rule (parseReassignments), and the data layer's
 * refusals come back as typed ones, with everything a program needs to show them (the people without a successor
 * and where the plan names them).
 */
import { z } from "zod";
import { DataError } from "../data/errors.ts";
import { PeopleUnresolved, PlanTreeInvalid, parseReassignments, type Reassignments } from "../data/plan-tree/index.ts";
import { CommandError } from "./errors.ts";

const login = z.string().trim().min(1).max(255);
/** Who takes over from each person the plan names who cannot be found: old sign-in name → new (as sent). */
export const reassignSchema = z.record(login, login).default({});

/** `{ old: new }` as the CLI's `--reassign old=new` pairs, by the same rule; every problem is named. */
export function reassignmentsOf(chosen: Record<string, string>): Reassignments {
  const r = parseReassignments(Object.entries(chosen).map(([from, to]) => `${from}=${to}`));
  if (!r.ok) throw new CommandError("invalid", `Nothing was written: ${r.problems.join("; ")}.`, { field: "reassign" });
  return r.value;
}

/** The data layer's refusals of a whole plan as the command's, with what a program needs to show them. */
export async function refusingPlan<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof PeopleUnresolved) throw new CommandError("people-unresolved", err.message, { field: "reassign", details: { people: err.people } });
    if (err instanceof PlanTreeInvalid) throw new CommandError("invalid-file", err.message, { details: { problems: err.problems } });
    if (err instanceof DataError && err.reason === "duplicate") throw new CommandError("duplicate", `${err.message} Nothing was written.`, { field: err.field ?? "title" });
    if (err instanceof DataError && err.reason === "invalid") throw new CommandError("invalid", err.message, { field: err.field });
    throw err;
  }
}

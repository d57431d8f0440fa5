/**
 * A definition or value refused by the domain's checks before anything is written: a DataError("invalid") that
 * carries every problem with the field it names, so the server, a card or the CLI can show each one where it belongs.
 */
import type { MeasureProblem } from "../domain/indicators.ts";
import { DataError } from "./errors.ts";

export class MeasureInvalid extends DataError {
  readonly problems: MeasureProblem[];
  constructor(what: string, problems: MeasureProblem[]) {
    super("invalid", `${what}: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}. Nothing was written.`, { field: problems[0]?.field });
    this.name = "MeasureInvalid";
    this.problems = problems;
  }
}

/** A check's value, or MeasureInvalid with its problems. */
export function checked<T>(what: string, r: { ok: true } & T): T;
export function checked<T>(what: string, r: ({ ok: true } & T) | { ok: false; problems: MeasureProblem[] }): T;
export function checked<T>(what: string, r: ({ ok: true } & T) | { ok: false; problems: MeasureProblem[] }): T {
  if (!r.ok) throw new MeasureInvalid(what, r.problems);
  return r;
}

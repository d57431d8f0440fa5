/**
 * A command's refusal: a typed error with a `reason` code (programs branch on it; the API answers with it) and a
 * sentence an officer understands. Whatever the reason, nothing was written.
 */
import type { RefusalReason } from "../domain/permissions.ts";
import type { ActionRecord } from "../data/actions/index.ts";

export type CommandErrorReason =
  | RefusalReason
  /** The input is not acceptable (missing text, a date in the past, an unknown status). */
  | "invalid"
  | "not-found"
  /** The action was settled at review (closed, carried or developed): nothing more is recorded on it. */
  | "action-closed"
  /** The proposed date has already been accepted or declined. */
  | "already-decided"
  /** The value was recorded (or corrected) by someone else since the person read it: they see it and decide. */
  | "already-recorded"
  /** The action is not as the person saw it (someone changed it meanwhile): see `changes`. */
  | "conflict"
  /** A plan file the parsers refuse (see `problems`), one over the size limit, a plan name already taken. */
  | "invalid-file"
  | "too-large"
  | "duplicate"
  /** People the plan names who cannot be found (left, disabled, mistyped) and have no successor: see `people`. */
  | "people-unresolved";

/** One field that differs from what the person saw. */
export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const STATUS: Record<CommandErrorReason, number> = {
  "not-responsible": 403,
  "not-edi-group": 403,
  "not-lead": 403,
  "field-not-allowed": 403,
  invalid: 400,
  "not-found": 404,
  "action-closed": 409,
  "already-decided": 409,
  "already-recorded": 409,
  conflict: 412,
  "invalid-file": 400,
  "too-large": 413,
  duplicate: 409,
  "people-unresolved": 409,
};

export class CommandError extends Error {
  readonly reason: CommandErrorReason;
  /** The HTTP status the API answers with. */
  readonly status: number;
  /** Which input was refused (for "invalid"). */
  readonly field?: string;
  /** For "conflict": what changed since the person saw the action, and the action as it now is. */
  readonly changes?: FieldChange[];
  readonly current?: ActionRecord;
  /** More for programs, sent as is in the answer's body (an import's `problems`, the `people` without a successor). */
  readonly details?: Record<string, unknown>;
  constructor(
    reason: CommandErrorReason,
    message: string,
    opts: { field?: string; changes?: FieldChange[]; current?: ActionRecord; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "CommandError";
    this.reason = reason;
    this.status = STATUS[reason];
    this.field = opts.field;
    this.changes = opts.changes;
    this.current = opts.current;
    this.details = opts.details;
  }
}

export const invalid = (field: string, message: string) => new CommandError("invalid", message, { field });

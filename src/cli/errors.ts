/**
 * Typed CLI errors carry a `reason` (machine-readable) and an exit code: 1 for an operation that failed
 * (bad input, SharePoint refused), 2 for a usage error (unknown flag, missing setting).
 */
export type CliErrorReason =
  | "usage"
  | "config"
  | "invalid-input"
  | "not-found"
  | "conflict"
  | "sharepoint"
  | "io";

export class CliError extends Error {
  readonly reason: CliErrorReason;
  readonly exitCode: 1 | 2;
  constructor(reason: CliErrorReason, message: string, exitCode?: 1 | 2) {
    super(message);
    this.name = "CliError";
    this.reason = reason;
    this.exitCode = exitCode ?? (reason === "usage" || reason === "config" ? 2 : 1);
  }
}

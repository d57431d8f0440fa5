/**
 * Configuration errors list EVERY problem at once (not the first one found), each named by the setting an operator
 * actually types: the environment variable, not an internal property path. Secrets are never echoed back.
 */

/** Why one setting is not acceptable. */
export type ConfigProblemReason =
  /** Not given, but this command (or mode) needs it. */
  | "missing"
  /** Given, but not a value the setting accepts. */
  | "invalid"
  /** Acceptable alone, not together with another setting (or in this mode). */
  | "conflict"
  /** Refused for safety: it would relax authentication where that is never allowed. */
  | "refused"
  /** Names a file that cannot be read. */
  | "unreadable";

export interface ConfigProblem {
  /** The environment variable at fault, e.g. "EAP_SITE_URL" (the table in ./settings.ts names each one). */
  setting: string;
  message: string;
  reason: ConfigProblemReason;
}

/** Something that works but will not for long (an old name, SHA-1): printed, never fatal. */
export interface ConfigWarning {
  setting: string;
  message: string;
}

export class ConfigError extends Error {
  readonly reason = "invalid-config" as const;
  readonly problems: ConfigProblem[];
  readonly warnings: ConfigWarning[];
  /** A problem given without a reason is an invalid value. */
  constructor(what: string, problems: (Omit<ConfigProblem, "reason"> & { reason?: ConfigProblemReason })[], warnings: ConfigWarning[] = []) {
    super(`${what}: ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  - ${p.setting}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems.map((p) => ({ ...p, reason: p.reason ?? "invalid" }));
    this.warnings = warnings;
  }
}

/** One line per warning, for a terminal or a log. */
export function describeWarning(w: ConfigWarning): string {
  return `warning: ${w.setting}: ${w.message}`;
}

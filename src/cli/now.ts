import { CliError } from "./errors.ts";

/** `--now`: the instant a command runs as (default: now). ISO date-times only; "tomorrow" is a usage error. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const d = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(d.getTime())) {
    throw new CliError("usage", `--now "${value}" is not an ISO date-time such as 2026-11-24T09:00:00Z`);
  }
  return d;
}

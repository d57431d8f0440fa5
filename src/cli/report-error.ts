import { DataError } from "../data/errors.ts";
import { ReportError } from "../domain/report-model.ts";
import { OutputPathError } from "./write-file-atomic.ts";
import { CliError } from "./errors.ts";

/** Data errors become CLI errors with exit code 1 and SharePoint's own sentence. */
export function toCliError(err: unknown): Error {
  if (err instanceof CliError) return err;
  if (err instanceof DataError) {
    const reason = err.reason === "not-found" ? "not-found" : err.reason === "conflict" ? "conflict" : err.reason === "invalid" ? "invalid-input" : "sharepoint";
    return new CliError(reason, err.message, 1);
  }
  return err instanceof Error ? err : new Error(String(err));
}

/** Errors of `eap report` and `eap export`: a period with no updates, an unwritable path, then as toCliError. */
export function planFileError(err: unknown): Error {
  if (err instanceof ReportError) return new CliError(err.reason === "no-updates" ? "not-found" : "invalid-input", err.message);
  if (err instanceof OutputPathError) return new CliError("io", err.message);
  return toCliError(err);
}

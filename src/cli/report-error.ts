import { DataError } from "../data/errors.ts";
import { PublicPageError } from "../domain/public-progress.ts";
import { type AwaitingUpdate, awaitingLines } from "../domain/publication.ts";
import { ReportError } from "../domain/report-model.ts";
import { PublishFolderError } from "../report/publish/write-folder.ts";
import { OutputPathError } from "./write-file-atomic.ts";
import { CliError } from "./errors.ts";

/** Data errors become CLI errors with exit code 1 and SharePoint's own sentence. */
export function toCliError(err: unknown): Error {
  if (err instanceof CliError) return err;
  if (err instanceof DataError && err.name === "PeopleUnresolved") {
    return new CliError(
      "not-found",
      `${err.message}\nRun again with --reassign old=new for each of them (repeatable), naming by sign-in name who takes over, e.g. --reassign ${(err as DataError & { people: Array<{ login: string }> }).people[0]?.login}=<their successor>.`,
      1,
    );
  }
  if (err instanceof DataError) {
    const reason = err.reason === "not-found" ? "not-found" : err.reason === "conflict" ? "conflict" : err.reason === "invalid" ? "invalid-input" : "sharepoint";
    return new CliError(reason, err.message, 1);
  }
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * Errors of `eap report`, `eap publish` and `eap export`: a period with no updates or with updates awaiting the
 * equalities lead (listed, with the way on), an unwritable path, then as toCliError.
 */
export function planFileError(err: unknown): Error {
  if (err instanceof ReportError && err.reason === "awaiting-approval") {
    return new CliError(
      "invalid-input",
      `${err.message}\nThe equalities lead approves or withholds each of them first; or run again with --approved-only to use the approved updates and leave these out.`,
    );
  }
  if (err instanceof ReportError) return new CliError(err.reason === "no-updates" ? "not-found" : "invalid-input", err.message);
  if (err instanceof PublicPageError) return new CliError("invalid-input", err.message);
  if (err instanceof OutputPathError || err instanceof PublishFolderError) return new CliError("io", err.message);
  return toCliError(err);
}

/** "Left out, awaiting approval (n):" and one line each, after a run with --approved-only; "" when none was. */
export function leftOutNote(leftOut: readonly AwaitingUpdate[]): string {
  return leftOut.length ? `\nLeft out, awaiting approval (${leftOut.length}):\n${awaitingLines(leftOut).join("\n")}` : "";
}

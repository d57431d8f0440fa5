/**
 * Typed data errors with a `reason`, so callers can answer a conflict, a throttled request or SharePoint's list
 * view threshold differently from a plain failure, and people see what happened.
 */
import { retryAfterMs } from "./throttling.ts";

export type DataErrorReason =
  | "conflict" // 412: someone changed the item since it was read
  | "not-found"
  | "throttled" // 429/503 still failing after PnPjs' retries
  | "threshold" // SPQueryThrottledException: the query was not narrowed by an index
  | "duplicate" // unique column
  | "invalid" // 400 from SharePoint, or our own validation before writing
  | "unauthorized"
  | "forbidden"
  | "network"
  | "sharepoint";

export class DataError extends Error {
  readonly reason: DataErrorReason;
  readonly status?: number;
  readonly field?: string;
  constructor(reason: DataErrorReason, message: string, opts: { status?: number; field?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = "DataError";
    this.reason = reason;
    this.status = opts.status;
    this.field = opts.field;
  }
}

interface HttpLikeError {
  isHttpRequestError?: boolean;
  status?: number;
  message?: string;
  response?: { status?: number; headers?: Headers };
}

/** SharePoint's error text is JSON inside PnPjs' message; pull the human sentence out of it. */
function sharePointMessage(raw: string): string {
  const start = raw.indexOf("{");
  if (start >= 0) {
    try {
      const body = JSON.parse(raw.slice(start));
      const e = body["odata.error"] ?? body.error;
      const v = e?.message?.value ?? e?.message;
      if (typeof v === "string") return v;
    } catch {
      // not JSON: keep the raw text
    }
  }
  return raw;
}

/** SharePoint's answer to the later parts of a changeset after one part failed: they were not applied. */
const COLLATERAL = /IndexOutOfRangeException|Index was outside the bounds of the array/;

function unwrap(err: unknown): HttpLikeError & { name?: string } {
  const e = err as HttpLikeError & { name?: string; cause?: unknown };
  return e instanceof DataError && e.cause ? unwrap(e.cause) : e;
}

/** The HTTP status of a failure (a DataError's cause included), if it has one. */
export function unwrapStatus(err: unknown): number | undefined {
  const e = unwrap(err);
  return e?.status ?? e?.response?.status;
}

/** Throttled, busy or cut off: SharePoint (or the network) asks us to come back later. */
export function isThrottled(err: unknown): boolean {
  const status = unwrapStatus(err);
  if (status === 429 || status === 503 || status === 504) return true;
  const e = unwrap(err);
  return status === undefined && e?.name === "TypeError" && /fetch|network|socket|terminated/i.test(e?.message ?? "");
}

/**
 * A failure that passes, worth sending again after a wait: throttled or busy (429, 503, 504), a dropped connection,
 * or a changeset part refused only because an earlier part of its changeset failed (500 IndexOutOfRangeException).
 */
export function isPassing(err: unknown): boolean {
  return isThrottled(err) || (unwrapStatus(err) === 500 && COLLATERAL.test(unwrap(err)?.message ?? ""));
}

/** The Retry-After a failed request (or $batch part) carried, in milliseconds. */
export function partRetryAfterMs(err: unknown): number | undefined {
  const headers = (unwrap(err)?.response as { headers?: Headers } | undefined)?.headers;
  return headers && typeof headers.get === "function" ? retryAfterMs(headers) : undefined;
}

/** SharePoint's own sentence for a failure (e.g. "The specified user x could not be found."). */
export function sharePointText(err: unknown): string {
  const e = unwrap(err);
  return sharePointMessage(typeof e?.message === "string" ? e.message : String(err));
}

export function toDataError(err: unknown, what = "SharePoint request"): DataError {
  if (err instanceof DataError) return err;
  const e = err as HttpLikeError;
  const status = e?.status ?? e?.response?.status;
  const raw = typeof e?.message === "string" ? e.message : String(err);
  const msg = sharePointMessage(raw);
  if (status === 412) return new DataError("conflict", `${what}: the item was changed by someone else since it was read.`, { status, cause: err });
  if (status === 404) return new DataError("not-found", `${what}: not found. ${msg}`, { status, cause: err });
  if (status === 401) return new DataError("unauthorized", `${what}: sign-in is needed or has expired.`, { status, cause: err });
  if (status === 403) return new DataError("forbidden", `${what}: access denied. ${msg}`, { status, cause: err });
  if (status === 429 || status === 503 || status === 504)
    return new DataError("throttled", `${what}: SharePoint is busy (HTTP ${status}) and still refused after retries.`, { status, cause: err });
  if (/SPQueryThrottledException|list view threshold/i.test(raw))
    return new DataError("threshold", `${what}: the query exceeds SharePoint's list view threshold.`, { status, cause: err });
  if (/duplicate values|SPDuplicateValuesFoundException/i.test(raw))
    return new DataError("duplicate", `${what}: a unique value already exists. ${msg}`, { status, cause: err });
  if (status === 400) return new DataError("invalid", `${what}: ${msg}`, { status, cause: err });
  if (status === undefined) return new DataError("network", `${what}: ${msg}`, { cause: err });
  return new DataError("sharepoint", `${what}: HTTP ${status}: ${msg}`, { status, cause: err });
}

/** Runs a SharePoint call and turns its failure into a DataError whose message starts with `what`. */
export async function callSharePoint<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toDataError(err, what);
  }
}

/**
 * Typed data errors with a `reason`, so callers can answer a conflict, a throttled request or SharePoint's list
 * view threshold differently from a plain failure, and people see what happened.
 */
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
  response?: { status?: number };
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

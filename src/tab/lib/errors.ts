/** Error text people can act on: what happened (DataError.reason) and what to do next. */
import type { DataErrorReason } from "../../data/errors.ts";

const TITLES: Record<DataErrorReason, string> = {
  conflict: "Someone else changed this action",
  "not-found": "Not found",
  throttled: "SharePoint is busy",
  threshold: "The list is too large for this query",
  duplicate: "Already exists",
  invalid: "SharePoint refused the request",
  unauthorized: "You need to sign in again",
  forbidden: "You do not have access",
  network: "Could not reach SharePoint",
  sharepoint: "SharePoint returned an error",
};

const ADVICE: Partial<Record<DataErrorReason, string>> = {
  throttled: "Wait a minute and try again.",
  network: "Check your connection and try again.",
  unauthorized: "Sign in again, then retry.",
  forbidden: "Ask the equalities lead for access to the site.",
};

/** The write API's refusals (docs/api.md): its message already says what was refused and why. */
const REFUSALS: Record<string, string> = {
  "not-responsible": "This is not yours to change",
  "not-edi-group": "This is for the EDI group",
  "not-lead": "This is for the equalities lead",
  "field-not-allowed": "You cannot change that field",
  "action-closed": "This action was settled at review",
  "already-decided": "Already decided",
  unauthenticated: "You need to sign in again",
  "too-large": "Too much text",
  busy: "SharePoint is busy",
  "invalid-file": "The file cannot be imported",
  "people-unresolved": "Some people cannot be found",
};

export interface ErrorText {
  reason: string;
  title: string;
  detail: string;
}

export function describeError(err: unknown): ErrorText {
  const reason = (err as { reason?: string })?.reason;
  const raw = (err as { message?: unknown } | null)?.message;
  const message = typeof raw === "string" ? raw : String(err);
  if (reason && reason in TITLES) {
    const r = reason as DataErrorReason;
    return { reason: r, title: TITLES[r], detail: [message, ADVICE[r]].filter(Boolean).join(" ") };
  }
  if (reason && reason in REFUSALS) return { reason, title: REFUSALS[reason], detail: message };
  // fetch() failing outright (connection refused, dropped, offline) before any HTTP status came back.
  if (!reason && /failed to fetch|networkerror|fetch failed|load failed/i.test(message))
    return { reason: "network", title: TITLES.network, detail: `${message}. ${ADVICE.network}` };
  return { reason: reason ?? "error", title: "Something went wrong", detail: message };
}

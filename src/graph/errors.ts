/**
 * Graph's refusals as typed errors with a `reason` callers branch on (as microsoft/teams.ts and src/data do). Graph
 * answers `{"error":{"code","message","innerError":{...}}}`; a 403 means different things on one endpoint (an app
 * permission policy, no Teams licence, or a permission the token lacks), so the body decides, not the status alone.
 */
export type GraphFailureReason =
  /** 429 still refused after the retries. */
  | "throttled"
  /** 404: the person (deleted, unknown, or disabled for Teams), the catalog app or the installation is not there. */
  | "not-found"
  /** 409: already there (an installation). */
  | "conflict"
  /** 403: the app permission policy blocks the app for this person. */
  | "policy-blocked"
  /** 403: the person has no Teams licence. */
  | "no-licence"
  /** 403 for want of a permission (a missing role or an Exchange RBAC scope): a deployment problem, not a person's. */
  | "forbidden"
  /** 404 MailboxNotEnabledForRESTAPI: the sender (or person) has no mailbox. */
  | "no-mailbox"
  /** 401: the app's token was refused. */
  | "unauthorized"
  /** Any other 4xx. */
  | "rejected"
  /** 5xx, a timeout or a connection lost: Graph may or may not have acted. */
  | "unavailable";

export class GraphError extends Error {
  readonly reason: GraphFailureReason;
  readonly status?: number;
  /** Graph's `error.code` ("Forbidden", "Request_ResourceNotFound", …). */
  readonly code?: string;
  constructor(reason: GraphFailureReason, message: string, opts: { status?: number; code?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = "GraphError";
    this.reason = reason;
    this.status = opts.status;
    this.code = opts.code;
  }
}

interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: { code?: string } };
}

/** The typed error for a Graph answer that is not a success. */
export function graphErrorFrom(status: number, text: string, what: string): GraphError {
  let body: GraphErrorBody = {};
  try {
    body = JSON.parse(text) as GraphErrorBody;
  } catch {
    // Not Graph's envelope (a proxy's page): the status decides.
  }
  const code = body.error?.code ?? "";
  const message = body.error?.message ?? text.slice(0, 300);
  const inner = body.error?.innerError?.code ?? "";
  const say = `${what}: ${status} ${code}${message ? ` ${message}` : ""}`.trim();
  const opts = { status, code };
  if (status === 429) return new GraphError("throttled", say, opts);
  if (status === 401) return new GraphError("unauthorized", say, opts);
  if (status === 403) {
    if (/Missing scope permissions|Authorization_RequestDenied|ErrorAccessDenied|not allowed to manage/i.test(`${code} ${message}`)) return new GraphError("forbidden", say, opts);
    if (/licen[cs]e/i.test(message)) return new GraphError("no-licence", say, opts);
    if (/app permission policy/i.test(message) || inner === "AccessDenied") return new GraphError("policy-blocked", say, opts);
    return new GraphError("forbidden", say, opts);
  }
  if (status === 404 && code === "MailboxNotEnabledForRESTAPI") return new GraphError("no-mailbox", say, opts);
  if (status === 404) return new GraphError("not-found", say, opts);
  if (status === 409) return new GraphError("conflict", say, opts);
  if (status >= 500) return new GraphError("unavailable", say, opts);
  return new GraphError("rejected", say, opts);
}

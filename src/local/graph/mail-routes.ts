/**
 * `POST /v1.0/users/{sender}/sendMail`: 202 with no body; the message lands in the local outbox (`/_local/outbox`)
 * instead of Exchange. Only from a mailbox that exists (a person with `mail`), and only as someone the caller may
 * send as: an app holding the tenant-wide `Mail.Send` application role may send as anyone (the misconfiguration that
 * Exchange RBAC for Applications is meant to remove); an app limited by an RBAC scope (`mailSenders`) only as those
 * mailboxes; a person (delegated `Mail.Send`) only as themselves.
 */
import type { ApiResponse } from "../api/context";
import { type GraphContext, GraphError, type GraphRequest, graphEmpty, parseGraphBody } from "./graph-context";
import type { GraphStore } from "./graph-store";
import { tokenPermissions } from "./scopes";
import { findUser } from "./user-routes";

const denied = () => new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
const invalid = (message: string) => new GraphError(400, "ErrorInvalidRequest", message);

function addresses(field: string, v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw invalid(`'${field}' must be an array of recipients.`);
  return v.map((r, i) => {
    const address = (r as { emailAddress?: { address?: unknown } })?.emailAddress?.address;
    if (typeof address !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
      throw new GraphError(400, "ErrorInvalidRecipients", `At least one recipient isn't valid: ${field}[${i}] has no valid emailAddress.address.`);
    }
    return address;
  });
}

export function sendMailRoute(ctx: GraphContext & { store: GraphStore; mailSenders: Record<string, string[]> }, req: GraphRequest, ref: string): ApiResponse {
  if (req.method !== "POST") throw new GraphError(405, "BadRequest", "The HTTP method is not allowed for this resource.");
  let sender: ReturnType<typeof findUser>;
  try {
    sender = findUser(ctx, ref);
  } catch (e) {
    if (e instanceof GraphError && e.status === 404) throw new GraphError(404, "ErrorInvalidUser", `The requested user '${ref}' is invalid.`);
    throw e;
  }
  const { roles, scopes } = tokenPermissions(req.claims);
  const p = req.principal;
  const mayAct =
    (p.kind === "app" && (roles.some((r) => r.toLowerCase() === "mail.send") || (ctx.mailSenders[p.appId] ?? []).some((m) => m.toLowerCase() === sender.mail?.toLowerCase()))) ||
    (p.kind === "person" && scopes.some((s) => s.toLowerCase() === "mail.send") && p.oid === sender.id);
  if (!mayAct) throw denied();
  if (!sender.mail || !sender.accountEnabled) {
    throw new GraphError(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
  }
  const body = parseGraphBody(req.body);
  const message = body.message as Record<string, unknown> | undefined;
  if (!message || typeof message !== "object") throw invalid("The request needs a 'message'.");
  if (body.saveToSentItems !== undefined && typeof body.saveToSentItems !== "boolean") throw invalid("'saveToSentItems' must be true or false.");
  const content = message.body as { contentType?: unknown; content?: unknown } | undefined;
  const contentType = typeof content?.contentType === "string" ? content.contentType.toLowerCase() : "text";
  if (contentType !== "html" && contentType !== "text") throw invalid("'message.body.contentType' must be 'HTML' or 'Text'.");
  const to = addresses("toRecipients", message.toRecipients);
  const cc = addresses("ccRecipients", message.ccRecipients);
  if (to.length + cc.length === 0) throw new GraphError(400, "ErrorInvalidRecipients", "At least one recipient is required.");
  ctx.store.send({
    from: sender.mail,
    to,
    cc,
    subject: typeof message.subject === "string" ? message.subject : "",
    contentType: contentType === "html" ? "HTML" : "Text",
    content: typeof content?.content === "string" ? content.content : "",
    sentBy: p.kind === "app" ? p.appId : p.kind === "person" ? p.oid : "system",
  });
  return graphEmpty(202, "graph-mail");
}

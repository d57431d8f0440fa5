/**
 * The `/_local/*` control endpoints (not SharePoint): health, stats, creating sites, and site group membership as
 * an administrator would set it in SharePoint's own pages. Never faulted or delayed.
 */
import type { ApiResponse } from "../api/context";
import type { Directory } from "../directory/directory";
import type { GraphStore, SentMail } from "../graph/graph-store";
import { invalidSiteName, SITE_NAME, type SiteRegistry } from "../site/site-registry";
import type { Stats } from "./stats";

export interface LocalAdminContext {
  sites: SiteRegistry;
  stats: Stats;
  siteUrl(name: string): string;
  graph: GraphStore;
  directory?: Directory;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** One sent message as a page a person can read; the mail's own HTML may not run scripts or load anything. */
function mailPage(m: SentMail): ApiResponse {
  const rows = [
    ["From", m.from],
    ["To", m.to.join(", ")],
    ...(m.cc.length ? [["Cc", m.cc.join(", ")]] : []),
    ["Subject", m.subject],
    ["Sent", m.sentAt],
  ]
    .map(([k, v]) => `<tr><th scope="row">${k}</th><td>${escapeHtml(v)}</td></tr>`)
    .join("");
  const body = m.contentType === "HTML" ? m.content : `<pre>${escapeHtml(m.content)}</pre>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(m.subject || "(no subject)")}</title></head><body><table>${rows}</table><hr><main>${body}</main></body></html>`;
  return {
    status: 200,
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:", "X-Content-Type-Options": "nosniff" },
    body: html,
    kind: "local",
  };
}

/** `/_local/outbox` (the list), `/_local/outbox/<id>` (one message as a page), DELETE to empty it. */
function outbox(ctx: LocalAdminContext, method: string, path: string): ApiResponse | undefined {
  const m = /^\/_local\/outbox(?:\/([^/]+))?$/.exec(path);
  if (!m) return undefined;
  if (!m[1]) {
    if (method === "DELETE") {
      ctx.graph.clearOutbox();
      return { status: 204, headers: {}, body: "", kind: "local" };
    }
    if (method !== "GET") return json(405, { error: "Use GET or DELETE." });
    return json(200, ctx.graph.outbox().map((x) => ({ ...x, url: `/_local/outbox/${x.id}` })));
  }
  const mail = ctx.graph.mail(decodeURIComponent(m[1]));
  if (!mail) return json(404, { error: `No message '${m[1]}' in the outbox.` });
  return mailPage(mail);
}

const json = (status: number, body: unknown): ApiResponse => ({
  status,
  headers: { "Content-Type": "application/json; charset=utf-8" },
  body: JSON.stringify(body),
  kind: "local",
});

/** `/_local/sites/<name>/groups[/<group>/members[/<login>]]`. */
function groupsAdmin(ctx: LocalAdminContext, method: string, path: string, body: string): ApiResponse | undefined {
  const m = /^\/_local\/sites\/([^/]+)\/groups(?:\/([^/]+)\/members(?:\/([^/]+))?)?$/.exec(path);
  if (!m) return undefined;
  const site = ctx.sites.get(decodeURIComponent(m[1]));
  if (!site) return json(404, { error: `No site '${decodeURIComponent(m[1])}'.` });
  const describe = () =>
    site.groups.all().map((g) => ({ id: g.id, title: g.title, members: site.groups.memberIds(g.id).map((id) => site.users.get(id)).map((u) => ({ id: u?.id, loginName: u?.loginName, title: u?.title })) }));
  if (!m[2]) return method === "GET" ? json(200, describe()) : json(405, { error: "Use GET." });
  const ref = decodeURIComponent(m[2]);
  const group = /^\d+$/.test(ref) ? site.groups.get(Number(ref)) : site.groups.byTitle(ref);
  if (!group) return json(404, { error: `No group '${ref}' on site '${site.name}'.` });
  try {
    if (!m[3] && method === "POST") {
      const b = JSON.parse(body || "{}") as { userPrincipalName?: unknown; login?: unknown };
      const login = typeof b.userPrincipalName === "string" ? b.userPrincipalName : typeof b.login === "string" ? b.login : "";
      const user = site.users.ensure(login);
      site.groups.addMember(group.id, user.id);
      return json(201, { group: group.title, member: { id: user.id, loginName: user.loginName, title: user.title } });
    }
    if (m[3] && method === "DELETE") {
      const login = decodeURIComponent(m[3]).toLowerCase();
      const user = site.users.all().find((u) => u.loginName.toLowerCase() === login || u.upn.toLowerCase() === login);
      if (!user || !site.groups.isMember(group.id, user.id)) return json(404, { error: `'${login}' is not a member of '${group.title}'.` });
      site.groups.removeMember(group.id, user.id);
      return { status: 204, headers: {}, body: "", kind: "local" };
    }
  } catch (e) {
    return json(400, { error: e instanceof Error ? e.message : String(e) });
  }
  return json(405, { error: "Use POST {\"userPrincipalName\"} to add a member, DELETE .../members/<upn> to remove one." });
}

/**
 * `/_local/directory` (GET: everyone) and `/_local/directory/<object id or UPN>` (PATCH `{"deleted": true}` or
 * `{"accountEnabled": false}`): what an administrator changes in Entra after people became site users, e.g. an
 * officer who has left. Their site user stays (SharePoint keeps it); signing in, ensureUser and being put in a
 * person column then fail for them.
 */
function directoryAdmin(ctx: LocalAdminContext, method: string, path: string, body: string): ApiResponse | undefined {
  const m = /^\/_local\/directory(?:\/([^/]+))?$/.exec(path);
  if (!m) return undefined;
  if (!ctx.directory) return json(404, { error: "This server has no directory (start it with --directory)." });
  if (!m[1]) return method === "GET" ? json(200, ctx.directory.users) : json(405, { error: "Use GET." });
  if (method !== "PATCH") return json(405, { error: 'Use PATCH with {"deleted": true} or {"accountEnabled": false}.' });
  try {
    return json(200, ctx.directory.setStatus(decodeURIComponent(m[1]), JSON.parse(body || "{}")));
  } catch (e) {
    return json(400, { error: e instanceof Error ? e.message : String(e) });
  }
}

export function localAdmin(ctx: LocalAdminContext, method: string, path: string, body = ""): ApiResponse {
  const groups = groupsAdmin(ctx, method, path, body) ?? outbox(ctx, method, path) ?? directoryAdmin(ctx, method, path, body);
  if (groups) return groups;
  if (path === "/_local/health" && method === "GET") return json(200, { status: "ok", sites: ctx.sites.names() });
  if (path === "/_local/stats" && method === "GET") return json(200, ctx.stats.snapshot());
  if (path === "/_local/stats/reset" && method === "POST") {
    ctx.stats.reset();
    return json(200, ctx.stats.snapshot());
  }
  const m = /^\/_local\/sites\/([^/]+)$/.exec(path);
  if (m && method === "PUT") {
    const name = decodeURIComponent(m[1]);
    if (!SITE_NAME.test(name)) return json(400, { error: invalidSiteName(name) });
    const existed = ctx.sites.has(name);
    ctx.sites.open(name);
    return json(existed ? 200 : 201, { name, url: ctx.siteUrl(name) });
  }
  return json(404, { error: `No local endpoint ${method} ${path}` });
}

/**
 * Site groups: `web/sitegroups` (GET, POST), `sitegroups(id)`, `getbyid(id)`, `getbyname('X')`, `removebyid('5')`,
 * `removebyloginname('X')`, a group's `users` (GET, POST `{LoginName}`, `removebyid`, `removebyloginname`, `getbyid`,
 * `getbyemail`, `(@v)`), `SetUserAsOwner(id)`, MERGE; `web/associated{Owner,Member,Visitor}Group`; and
 * `currentuser/groups`. Who may do what: creating a group takes CreateGroups; changing one takes being its owner
 * (a user, or a member of the owning group) or ManagePermissions on the web; its membership may also be changed by
 * its members when AllowMembersEditMembership is on, and seen only by members when OnlyAllowMembersViewMembership is.
 */
import { Errors } from "../errors";
import { collection, single } from "../odata/serialize";
import { argInt, argString, type Seg } from "../odata/segments";
import { has, Perm } from "../security/permissions";
import { DEFAULT_GROUP_IDS, groupNotFound, type SiteGroup } from "../store/group-store";
import type { SiteUser } from "../store/user-store";
import { type ApiResponse, type Call, filtered, parseBody, pick, selectOf } from "./context";
import { groupEntity, nullResult, userEntity } from "./principal-entities";

function groupReply(call: Call, g: SiteGroup, status = 200): ApiResponse {
  const { r } = call;
  return r.json(status, single(r.format, pick(groupEntity(call, r, g), selectOf(call), "SP.Group"), r.meta("SP.ApiData.Groups/@Element")), "groups");
}

function isMember(call: Call, g: SiteGroup): boolean {
  return [...call.access.principalIds()].some((id) => call.ctx.site.groups.isMember(g.id, id));
}

/** Owner of the group (directly, or as a member of the owning group), or ManagePermissions on the web. */
function manages(call: Call, g: SiteGroup): boolean {
  if (call.access.unrestricted || has(call.access.mask(), Perm.ManagePermissions)) return true;
  const ids = call.access.principalIds();
  return ids.has(g.ownerId);
}

function requireManage(call: Call, g: SiteGroup): void {
  if (!manages(call, g)) throw Errors.accessDenied();
}

function findGroup(call: Call, seg: Seg, next: Seg | undefined): [SiteGroup, boolean] {
  const groups = call.ctx.site.groups;
  if (seg.args !== undefined) return [groups.get(argInt(seg.args)) ?? notFoundGroup(), false];
  if (next?.name === "getbyid") return [groups.get(argInt(next.args)) ?? notFoundGroup(), true];
  if (next?.name === "getbyname") return [groups.byTitle(argString(next.args)) ?? notFoundGroup(), true];
  throw Errors.resource(next?.raw ?? seg.raw);
}
const notFoundGroup = (): never => {
  throw groupNotFound();
};

export function siteGroupsRoute(call: Call, seg: Seg, segs: Seg[]): ApiResponse {
  const { r, method, req, ctx, access } = call;
  const groups = ctx.site.groups;
  const next = segs[0];
  if (seg.args === undefined && (!next || next.name === "removebyid" || next.name === "removebyloginname")) {
    segs.shift();
    if (!next) {
      if (method === "GET") {
        access.require(Perm.BrowseUserInfo);
        const items = filtered(call, groups.all(), (rr, g) => groupEntity(call, rr, g), "SP.Group");
        return r.json(200, collection(r.format, items, r.meta("SP.ApiData.Groups")), "groups");
      }
      if (method !== "POST") throw Errors.method();
      access.require(Perm.CreateGroups);
      const owner = ctx.site.users.forPrincipal(req.principal);
      return groupReply(call, groups.add(parseBody(req.body), owner.id), 201);
    }
    if (method !== "POST") throw Errors.method();
    const g = next.name === "removebyid" ? groups.get(argInt(next.args)) : groups.byTitle(argString(next.args));
    if (!g) throw groupNotFound();
    requireManage(call, g);
    groups.remove(g.id);
    ctx.site.roles.removePrincipal(g.id);
    return r.json(200, nullResult(r, "RemoveById"), "groups");
  }
  if (seg.args === undefined) segs.shift();
  const [g] = findGroup(call, seg, next);
  return groupRoute(call, g, segs);
}

export function associatedGroupRoute(call: Call, seg: Seg, segs: Seg[]): ApiResponse {
  const id = seg.name === "associatedownergroup" ? DEFAULT_GROUP_IDS.owners : seg.name === "associatedmembergroup" ? DEFAULT_GROUP_IDS.members : DEFAULT_GROUP_IDS.visitors;
  const g = call.ctx.site.groups.get(id);
  if (!g) throw groupNotFound();
  return groupRoute(call, g, segs);
}

function groupRoute(call: Call, g: SiteGroup, segs: Seg[]): ApiResponse {
  const { r, method, req, ctx, access } = call;
  const next = segs.shift();
  if (!next) {
    if (method === "GET") {
      access.require(Perm.BrowseUserInfo);
      return groupReply(call, g);
    }
    if (method === "MERGE") {
      requireManage(call, g);
      ctx.site.groups.update(g, parseBody(req.body));
      return r.empty(204, "groups");
    }
    throw Errors.method();
  }
  if (next.name === "setuserasowner") {
    if (method !== "POST") throw Errors.method();
    requireManage(call, g);
    const ownerId = argInt(next.args);
    if (!ctx.site.users.get(ownerId) && !ctx.site.groups.get(ownerId)) throw Errors.badExpression(next.args ?? "", `There is no user or group with id ${ownerId}.`);
    ctx.site.groups.setOwner(g, ownerId);
    return r.json(200, nullResult(r, "SetUserAsOwner"), "groups");
  }
  if (next.name === "users") return groupUsersRoute(call, g, next, segs);
  throw Errors.resource(next.raw);
}

function memberReply(call: Call, u: SiteUser, status = 200): ApiResponse {
  const { r } = call;
  return r.json(status, single(r.format, pick(userEntity(call, r, u), selectOf(call), "SP.User"), r.meta("SP.ApiData.Users/@Element")), "groups");
}

function groupUsersRoute(call: Call, g: SiteGroup, seg: Seg, segs: Seg[]): ApiResponse {
  const { r, method, req, ctx, access } = call;
  const site = ctx.site;
  // Only members (and those who manage the group) see the membership of a group that says so.
  if (g.onlyAllowMembersViewMembership && !manages(call, g) && !isMember(call, g)) throw Errors.accessDenied();
  access.require(Perm.BrowseUserInfo);
  const mayEdit = () => {
    if (!manages(call, g) && !(g.allowMembersEditMembership && isMember(call, g))) throw Errors.accessDenied();
  };
  const members = () => site.groups.memberIds(g.id).map((id) => site.users.get(id)).filter((u): u is SiteUser => u !== undefined);
  const next = segs.shift();
  if (segs.length) throw Errors.resource(segs[0].raw);
  if (seg.args !== undefined) {
    const a = argString(seg.args);
    const u = members().find((x) => x.loginName.toLowerCase() === a.toLowerCase() || String(x.id) === a);
    if (!u) throw Errors.userNotFound();
    return memberReply(call, u);
  }
  if (!next) {
    if (method === "GET") {
      const items = members().map((u) => pick(userEntity(call, r, u), selectOf(call), "SP.User"));
      return r.json(200, collection(r.format, items, r.meta("SP.ApiData.Users")), "groups");
    }
    if (method !== "POST") throw Errors.method();
    mayEdit();
    const body = parseBody(req.body);
    const u = site.users.ensure(String(body.LoginName ?? ""));
    site.groups.addMember(g.id, u.id);
    return memberReply(call, u, 201);
  }
  switch (next.name) {
    case "getbyid":
    case "getbyemail": {
      const key = argString(next.args).toLowerCase();
      const u = members().find((x) => (next.name === "getbyid" ? String(x.id) === key : x.email.toLowerCase() === key));
      if (!u) throw Errors.userNotFound();
      return memberReply(call, u);
    }
    case "removebyid":
    case "removebyloginname": {
      if (method !== "POST") throw Errors.method();
      mayEdit();
      const key = argString(next.args).toLowerCase();
      const u = members().find((x) => (next.name === "removebyid" ? String(x.id) === key : x.loginName.toLowerCase() === key));
      if (!u) throw Errors.userNotFound();
      site.groups.removeMember(g.id, u.id);
      return r.json(200, nullResult(r, "RemoveById"), "groups");
    }
    default:
      throw Errors.resource(next.raw);
  }
}

/** `currentuser/groups`: the site groups the caller belongs to. */
export function currentUserGroups(call: Call): ApiResponse {
  const { r, ctx } = call;
  const mine = ctx.site.groups.all().filter((g) => isMember(call, g));
  return r.json(200, collection(r.format, mine.map((g) => pick(groupEntity(call, r, g), selectOf(call), "SP.Group")), r.meta("SP.ApiData.Groups")), "groups");
}

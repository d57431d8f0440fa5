/** Site users: `web/currentuser`, `web/ensureuser`, `web/getuserbyid(n)` and `web/siteusers[...]`. */
import { Codes, Errors, SpError } from "../errors";
import { collection, single } from "../odata/serialize";
import { argInt, argString, type Seg } from "../odata/segments";
import type { SiteUser } from "../store/user-store";
import { Perm } from "../security/permissions";
import { type ApiResponse, type Call, filtered, parseBody, pick, selectOf } from "./context";
import { currentUserGroups } from "./group-routes";
import { userEntity } from "./principal-entities";

const userNotFound = Errors.userNotFound;

function userReply(call: Call, u: SiteUser): ApiResponse {
  const { r } = call;
  return r.json(200, single(r.format, pick(userEntity(call, r, u), selectOf(call), "SP.User"), r.meta("SP.ApiData.Users1/@Element")), "users");
}

export function currentUser(call: Call, segs: Seg[]): ApiResponse {
  const next = segs.shift();
  if (next?.name === "groups" && segs.length === 0) return currentUserGroups(call);
  if (next) throw Errors.resource(next.raw);
  return userReply(call, call.ctx.site.users.forPrincipal(call.req.principal));
}

export function ensureUser(call: Call, seg: Seg): ApiResponse {
  if (call.method !== "POST") throw Errors.method();
  const body = parseBody(call.req.body);
  const logon = typeof body.logonName === "string" ? body.logonName : seg.args ? argString(seg.args) : "";
  if (!logon) throw new SpError(400, Codes.argument, "The parameter 'logonName' cannot be empty.");
  call.access.require(Perm.BrowseUserInfo);
  return userReply(call, call.ctx.site.users.ensure(logon));
}

export function getUserById(call: Call, seg: Seg): ApiResponse {
  call.access.require(Perm.BrowseUserInfo);
  const u = call.ctx.site.users.get(argInt(seg.args));
  if (!u) throw userNotFound();
  return userReply(call, u);
}

export function siteUsers(call: Call, seg: Seg, segs: Seg[]): ApiResponse {
  const { r, method, req } = call;
  const users = call.ctx.site.users;
  const next = segs.shift();
  call.access.require(method === "POST" && !next ? Perm.ManagePermissions : Perm.BrowseUserInfo);
  let u: SiteUser | undefined;
  if (seg.args !== undefined) {
    const a = argString(seg.args);
    u = users.get(Number(a)) ?? users.all().find((x) => `!@v::${x.loginName}`.toLowerCase() === a.toLowerCase() || x.loginName.toLowerCase() === a.toLowerCase());
  } else if (!next) {
    if (method === "POST") return userReply(call, users.ensure(String(parseBody(req.body).LoginName ?? "")));
    const items = filtered(call, users.all(), (rr, u) => userEntity(call, rr, u), "SP.User");
    return r.json(200, collection(r.format, items, r.meta("SP.ApiData.Users1")), "users");
  } else if (next.name === "getbyemail") {
    u = users.byEmail(argString(next.args));
  } else if (next.name === "getbyid") {
    u = users.get(argInt(next.args));
  } else if (next.name === "getbyloginname") {
    u = users.byLoginName(argString(next.args));
  } else throw Errors.resource(next.raw);
  if (!u) throw userNotFound();
  return userReply(call, u);
}

/** Site users: `web/currentuser`, `web/ensureuser`, `web/getuserbyid(n)` and `web/siteusers[...]`. */
import { Codes, Errors, SpError } from "../errors";
import { evalFilter } from "../odata/entity-filter";
import { parseFilter } from "../odata/filter-parser";
import { collection, entity, single } from "../odata/serialize";
import { argInt, argString, type Seg } from "../odata/segments";
import { puidOf, type SiteUser } from "../store/user-store";
import { type ApiResponse, type Call, parseBody, pick, Reply, selectOf } from "./context";

const userNotFound = () => new SpError(404, Codes.spException, "User cannot be found.");

function userEntity(call: Call, r: Reply, u: SiteUser): Record<string, unknown> {
  const uri = `${call.ctx.siteUrl}/_api/Web/GetUserById(${u.id})`;
  return entity(r.format, { type: "SP.User", uri, editLink: `Web/GetUserById(${u.id})` }, {
    Id: u.id,
    IsHiddenInUI: false,
    LoginName: u.loginName,
    Title: u.title,
    PrincipalType: 1,
    Email: u.email,
    Expiration: "",
    IsEmailAuthenticationGuestUser: false,
    IsShareByEmailGuestUser: false,
    IsSiteAdmin: u.isSiteAdmin,
    UserId: u.upn ? { NameId: puidOf(u.oid || u.upn), NameIdIssuer: "urn:federation:microsoftonline" } : null,
    UserPrincipalName: u.upn || null,
    AadObjectId: u.oid ? { NameId: u.oid, NameIdIssuer: "urn:federation:microsoftonline" } : null,
  });
}

function userReply(call: Call, u: SiteUser): ApiResponse {
  const { r } = call;
  return r.json(200, single(r.format, pick(userEntity(call, r, u), selectOf(call), "SP.User"), r.meta("SP.ApiData.Users1/@Element")), "users");
}

export function currentUser(call: Call, segs: Seg[]): ApiResponse {
  if (segs.length) throw Errors.resource(segs[0].raw);
  return userReply(call, call.ctx.site.users.forPrincipal(call.req.principal));
}

export function ensureUser(call: Call, seg: Seg): ApiResponse {
  if (call.method !== "POST") throw Errors.method();
  const body = parseBody(call.req.body);
  const logon = typeof body.logonName === "string" ? body.logonName : seg.args ? argString(seg.args) : "";
  if (!logon) throw new SpError(400, Codes.argument, "The parameter 'logonName' cannot be empty.");
  return userReply(call, call.ctx.site.users.ensure(logon));
}

export function getUserById(call: Call, seg: Seg): ApiResponse {
  const u = call.ctx.site.users.get(argInt(seg.args));
  if (!u) throw userNotFound();
  return userReply(call, u);
}

export function siteUsers(call: Call, seg: Seg, segs: Seg[]): ApiResponse {
  const { r, method, req } = call;
  const users = call.ctx.site.users;
  const next = segs.shift();
  let u: SiteUser | undefined;
  if (seg.args !== undefined) {
    const a = argString(seg.args);
    u = users.get(Number(a)) ?? users.all().find((x) => `!@v::${x.loginName}`.toLowerCase() === a.toLowerCase() || x.loginName.toLowerCase() === a.toLowerCase());
  } else if (!next) {
    if (method === "POST") return userReply(call, users.ensure(String(parseBody(req.body).LoginName ?? "")));
    let all = users.all().map((x) => userEntity(call, new Reply("nometadata", call.ctx.siteUrl), x));
    const filter = req.url.searchParams.get("$filter");
    if (filter) {
      const ast = parseFilter(filter);
      all = all.filter((x) => evalFilter(ast, x));
    }
    const items = all.map((x) => pick(userEntity(call, r, users.get(x.Id as number)!), selectOf(call), "SP.User"));
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

/**
 * Permissions of a securable object (the web, a list, an item): `roleassignments` (with `addroleassignment`,
 * `removeroleassignment`, `getbyprincipalid`), `breakroleinheritance(copyroleassignments=…, clearsubscopes=…)`,
 * `resetroleinheritance`, `EffectiveBasePermissions`, `getUserEffectivePermissions(@user)`,
 * `HasUniqueRoleAssignments`; and the web's `roledefinitions`. Void methods answer 200 `{"odata.null": true}`.
 */
import { Directory } from "../directory/directory";
import { Codes, Errors, SpError } from "../errors";
import type { ListMeta } from "../model/list-model";
import { collection, entity, primitive, single } from "../odata/serialize";
import { argInt, argString, type Seg } from "../odata/segments";
import { Access } from "../security/access";
import { FULL_MASK, highLow, type Mask, Perm, ROLE, ROLE_DEFINITIONS, type RoleDefinition, roleById } from "../security/permissions";
import { itemScope, listScope, type ScopeKey, WEB_SCOPE } from "../store/role-store";
import type { ApiResponse, Call, } from "./context";
import { groupEntity, nullResult, userEntity } from "./principal-entities";

export interface Securable {
  list?: ListMeta;
  itemId?: number;
}

const VERBS = new Set(["roleassignments", "breakroleinheritance", "resetroleinheritance", "effectivebasepermissions", "getusereffectivepermissions", "hasuniqueroleassignments", "roledefinitions"]);
export const isSecurityVerb = (name: string): boolean => VERBS.has(name);

const inherits = () => new SpError(400, Codes.spException, "This operation is not allowed on an object that inherits permissions.");

function scopeKey(o: Securable): ScopeKey {
  if (o.list && o.itemId !== undefined) return itemScope(o.list.id, o.itemId);
  if (o.list) return listScope(o.list.id);
  return WEB_SCOPE;
}

function basePath(o: Securable): string {
  if (o.list && o.itemId !== undefined) return `Web/Lists(guid'${o.list.id}')/Items(${o.itemId})`;
  if (o.list) return `Web/Lists(guid'${o.list.id}')`;
  return "Web";
}

export function roleDefinitionEntity(call: Call, d: RoleDefinition): Record<string, unknown> {
  return entity(call.r.format, { type: "SP.RoleDefinition", uri: `${call.ctx.siteUrl}/_api/Web/RoleDefinitions(${d.id})`, editLink: `Web/RoleDefinitions(${d.id})` }, {
    BasePermissions: { ...(call.r.format === "minimal" ? { "odata.type": "SP.BasePermissions" } : {}), ...highLow(d.mask) },
    Description: d.description,
    Hidden: d.hidden,
    Id: d.id,
    Name: d.name,
    Order: d.order,
    RoleTypeKind: d.roleTypeKind,
  });
}

function permissionsReply(call: Call, mask: Mask): ApiResponse {
  const { r } = call;
  const body = r.format === "minimal" ? { "odata.metadata": r.meta("SP.BasePermissions"), "odata.type": "SP.BasePermissions", ...highLow(mask) } : r.format === "verbose" ? { d: { ...highLow(mask) } } : highLow(mask);
  return r.json(200, body, "permissions");
}

function principalEntity(call: Call, id: number): Record<string, unknown> | undefined {
  const g = call.ctx.site.groups.get(id);
  if (g) return groupEntity(call, call.r, g);
  const u = call.ctx.site.users.get(id);
  return u ? userEntity(call, call.r, u) : undefined;
}

function assignmentEntity(call: Call, o: Securable, principal: number, roles: Set<number>, expand: string[]): Record<string, unknown> {
  const path = `${basePath(o)}/RoleAssignments/GetByPrincipalId(${principal})`;
  const props: Record<string, unknown> = { PrincipalId: principal };
  if (expand.includes("member")) props.Member = principalEntity(call, principal) ?? null;
  if (expand.includes("roledefinitionbindings")) {
    const defs = [...roles].map((id) => roleById(id)).filter((d): d is RoleDefinition => d !== undefined).map((d) => roleDefinitionEntity(call, d));
    props.RoleDefinitionBindings = call.r.format === "verbose" ? { results: defs } : defs;
  }
  return entity(call.r.format, { type: "SP.RoleAssignment", uri: `${call.ctx.siteUrl}/_api/${path}`, editLink: path }, props);
}

/** The assignments in force on the object: its own, or those of the first unique ancestor it inherits from. */
function effectiveAssignments(call: Call, o: Securable) {
  return call.ctx.site.roles.of(call.access.scopeOf(o.list, o.itemId)) ?? new Map<number, Set<number>>();
}

/** `principalid=5, roledefid=1073741827` (spaces allowed, as PnPjs sends them). */
function assignmentArgs(args: string | undefined): { principal: number; role: number } {
  const m = /^\s*principalid\s*=\s*(\d+)\s*,\s*roledefid\s*=\s*(\d+)\s*$/i.exec(args ?? "");
  if (!m) throw Errors.badExpression(args ?? "", "Expected (principalid=<id>, roledefid=<id>).");
  return { principal: Number(m[1]), role: Number(m[2]) };
}

function roleAssignmentsRoute(call: Call, o: Securable, seg: Seg, segs: Seg[]): ApiResponse {
  const { r, method, ctx, access } = call;
  const roles = ctx.site.roles;
  const key = scopeKey(o);
  const expand = (call.req.url.searchParams.get("$expand") ?? "").toLowerCase().split(",").map((s) => s.trim());
  const next = segs.shift();
  let principal: number | undefined = seg.args !== undefined ? argInt(seg.args) : undefined;
  if (next && (next.name === "addroleassignment" || next.name === "removeroleassignment")) {
    if (method !== "POST") throw Errors.method();
    access.require(Perm.ManagePermissions, o.list, o.itemId);
    const a = assignmentArgs(next.args);
    if (!roles.hasUnique(key)) throw inherits();
    if (next.name === "addroleassignment") {
      const def = roleById(a.role);
      if (!def) throw new SpError(400, Codes.spException, `The role definition with id ${a.role} does not exist in this site.`);
      if (def.hidden) throw new SpError(400, Codes.spException, "You cannot grant a user Limited Access permission.");
      if (!ctx.site.groups.get(a.principal) && !ctx.site.users.get(a.principal)) throw new SpError(400, Codes.spException, `The principal with id ${a.principal} does not exist in this site.`);
      roles.add(key, a.principal, a.role);
    } else roles.remove(key, a.principal, a.role);
    return r.json(200, nullResult(r, next.name === "addroleassignment" ? "AddRoleAssignment" : "RemoveRoleAssignment"), "permissions");
  }
  if (next?.name === "getbyprincipalid") principal = argInt(next.args);
  else if (next && principal === undefined) throw Errors.resource(next.raw);
  if (method !== "GET") throw Errors.method();
  access.require(Perm.EnumeratePermissions, o.list, o.itemId);
  const assignments = effectiveAssignments(call, o);
  if (principal !== undefined) {
    const bound = assignments.get(principal);
    if (!bound) throw new SpError(404, Codes.argument, "Can not find the principal with id: " + principal + ".");
    return r.json(200, single(r.format, assignmentEntity(call, o, principal, bound, expand), r.meta("SP.RoleAssignment/@Element")), "permissions");
  }
  const items = [...assignments].map(([p, bound]) => assignmentEntity(call, o, p, bound, expand));
  return r.json(200, collection(r.format, items, r.meta("SP.RoleAssignment")), "permissions");
}

function breakInheritance(call: Call, o: Securable, seg: Seg): ApiResponse {
  const { r, ctx, access } = call;
  const roles = ctx.site.roles;
  const m = /^\s*copyroleassignments\s*=\s*(true|false)\s*(?:,\s*clearsubscopes\s*=\s*(true|false)\s*)?$/i.exec(seg.args ?? "");
  if (!m) throw Errors.badExpression(seg.args ?? "", "Expected (copyroleassignments=<bool>, clearsubscopes=<bool>).");
  if (!o.list) throw new SpError(400, Codes.spException, "The root web of a site collection has unique permissions by definition; its inheritance cannot be broken or reset.");
  access.require(Perm.ManagePermissions, o.list, o.itemId);
  const key = scopeKey(o);
  if (!roles.hasUnique(key)) {
    const copy = m[1].toLowerCase() === "true";
    // Without a copy the object starts with one assignment: the caller's, with Full Control.
    const caller = ctx.site.users.forPrincipal(call.req.principal);
    roles.makeUnique(key, copy ? effectiveAssignments(call, o) : new Map([[caller.id, new Set<number>([ROLE.fullControl])]]));
  }
  if ((m[2] ?? "false").toLowerCase() === "true" && o.itemId === undefined) roles.inheritAllUnder(`item:${o.list.id}:`);
  return r.json(200, nullResult(r, "BreakRoleInheritance"), "permissions");
}

export function securityRoute(call: Call, o: Securable, seg: Seg, segs: Seg[]): ApiResponse {
  const { r, method, ctx, access } = call;
  if (seg.name === "roleassignments") return roleAssignmentsRoute(call, o, seg, segs);
  if (seg.name === "roledefinitions" && !o.list) return roleDefinitionsRoute(call, seg, segs);
  if (segs.length) throw Errors.resource(segs[0].raw);
  switch (seg.name) {
    case "breakroleinheritance":
      if (method !== "POST") throw Errors.method();
      return breakInheritance(call, o, seg);
    case "resetroleinheritance":
      if (method !== "POST") throw Errors.method();
      if (!o.list) throw new SpError(400, Codes.spException, "The root web of a site collection has unique permissions by definition; its inheritance cannot be broken or reset.");
      access.require(Perm.ManagePermissions, o.list, o.itemId);
      ctx.site.roles.inherit(scopeKey(o));
      return r.json(200, nullResult(r, "ResetRoleInheritance"), "permissions");
    case "effectivebasepermissions":
      if (method !== "GET") throw Errors.method();
      return permissionsReply(call, access.mask(o.list, o.itemId));
    case "getusereffectivepermissions": {
      if (method !== "GET") throw Errors.method();
      access.require(Perm.EnumeratePermissions, o.list, o.itemId);
      const login = argString(seg.args);
      const user = ctx.site.users.byLoginName(login);
      if (!user) return permissionsReply(call, 0n);
      const directory = ctx.site.options.directory;
      const person = directory?.byId(user.oid);
      if (directory && !Directory.active(person)) return permissionsReply(call, 0n);
      const theirs = new Access(ctx.site, { kind: "person", oid: user.oid, upn: user.upn, name: user.title, mail: user.email || null, person }, ctx.enforce);
      return permissionsReply(call, user.isSiteAdmin ? FULL_MASK : theirs.mask(o.list, o.itemId));
    }
    case "hasuniqueroleassignments":
      if (method !== "GET") throw Errors.method();
      return r.json(200, primitive(r.format, "HasUniqueRoleAssignments", ctx.site.roles.hasUnique(scopeKey(o)), r.meta("Edm.Boolean")), "permissions");
    default:
      throw Errors.resource(seg.raw);
  }
}

function roleDefinitionsRoute(call: Call, seg: Seg, segs: Seg[]): ApiResponse {
  const { r, method } = call;
  if (method !== "GET") throw Errors.method();
  const next = segs.shift();
  if (segs.length) throw Errors.resource(segs[0].raw);
  let def: RoleDefinition | undefined;
  if (seg.args !== undefined) def = roleById(argInt(seg.args));
  else if (!next) return r.json(200, collection(r.format, ROLE_DEFINITIONS.map((d) => roleDefinitionEntity(call, d)), r.meta("SP.RoleDefinition")), "permissions");
  else if (next.name === "getbyid") def = roleById(argInt(next.args));
  else if (next.name === "getbyname") def = ROLE_DEFINITIONS.find((d) => d.name.toLowerCase() === argString(next.args).toLowerCase());
  else if (next.name === "getbytype") def = ROLE_DEFINITIONS.find((d) => d.roleTypeKind === argInt(next.args));
  else throw Errors.resource(next.raw);
  if (!def) throw new SpError(404, Codes.argument, "The role definition does not exist.");
  return r.json(200, single(r.format, roleDefinitionEntity(call, def), r.meta("SP.RoleDefinition/@Element")), "permissions");
}

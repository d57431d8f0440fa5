/** How SharePoint renders principals (SP.User, SP.Group) and the `{"odata.null": true}` answer of void methods. */
import { entity } from "../odata/serialize";
import type { SiteGroup } from "../store/group-store";
import { puidOf, type SiteUser } from "../store/user-store";
import type { Call, Reply } from "./context";

export function userEntity(call: Call, r: Reply, u: SiteUser): Record<string, unknown> {
  const uri = `${call.ctx.siteUrl}/_api/Web/GetUserById(${u.id})`;
  return entity(r.format, { type: "SP.User", uri, editLink: `Web/GetUserById(${u.id})` }, {
    Id: u.id,
    IsHiddenInUI: false,
    LoginName: u.loginName,
    Title: u.title,
    PrincipalType: u.principalType,
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

export function groupEntity(call: Call, r: Reply, g: SiteGroup): Record<string, unknown> {
  const site = call.ctx.site;
  const owner = site.groups.get(g.ownerId)?.title ?? site.users.get(g.ownerId)?.title ?? "";
  return entity(r.format, { type: "SP.Group", uri: `${call.ctx.siteUrl}/_api/Web/SiteGroups/GetById(${g.id})`, editLink: `Web/SiteGroups/GetById(${g.id})` }, {
    Id: g.id,
    IsHiddenInUI: false,
    LoginName: g.title,
    Title: g.title,
    PrincipalType: 8,
    AllowMembersEditMembership: g.allowMembersEditMembership,
    AllowRequestToJoinLeave: g.allowRequestToJoinLeave,
    AutoAcceptRequestToJoinLeave: g.autoAcceptRequestToJoinLeave,
    Description: g.description,
    OnlyAllowMembersViewMembership: g.onlyAllowMembersViewMembership,
    OwnerTitle: owner,
    RequestToJoinLeaveEmailSetting: g.requestToJoinLeaveEmailSetting,
  });
}

export const nullResult = (r: Reply, name: string): unknown => (r.format === "verbose" ? { d: { [name]: null } } : r.format === "nometadata" ? { "odata.null": true } : { "odata.metadata": r.meta("Edm.Null"), "odata.null": true });

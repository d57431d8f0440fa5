/**
 * Site groups as the product uses them: the equalities leads own the EDI group; officers cannot put themselves
 * in either. Written as the attacks, with SharePoint's answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { ACCESS_DENIED, CAST, CAST_DIRECTORY, errorOf, pnpAs, raw, refusal, tokenFor } from "../helpers";

let t: TestSharePoint;
const ann = () => pnpAs(t.siteUrl, CAST.ann);
const bob = () => pnpAs(t.siteUrl, CAST.bob);
const carol = () => pnpAs(t.siteUrl, CAST.carol);
const login = (p: { userPrincipalName: string }) => `i:0#.f|membership|${p.userPrincipalName}`;
let leads: number;
let edi: number;

beforeAll(async () => {
  // Everyone in the tenant is a member of the site (Edit), as the council's staff are of its site.
  t = await startTestSharePoint({ directory: CAST_DIRECTORY });
});
afterAll(async () => {
  await t.close();
});

describe("site groups", () => {
  it("a new site has its Owners, Members and Visitors groups, with Full Control, Edit and Read on the web", async () => {
    const [owner, member, visitor] = await Promise.all([ann().web.associatedOwnerGroup(), ann().web.associatedMemberGroup(), ann().web.associatedVisitorGroup()]);
    expect([owner, member, visitor].map((g) => [g.Id, g.Title])).toEqual([
      [3, "test Owners"],
      [5, "test Members"],
      [4, "test Visitors"],
    ]);
    const web = (await ann().web.roleAssignments.expand("Member", "RoleDefinitionBindings")()) as unknown as { PrincipalId: number; RoleDefinitionBindings: { Name: string }[] }[];
    expect(web.map((a) => [a.PrincipalId, a.RoleDefinitionBindings.map((d) => d.Name)])).toEqual([
      [3, ["Full Control"]],
      [5, ["Edit"]],
      [4, ["Read"]],
    ]);
    expect((await ann().web.siteGroups.getById(3).users()).map((u) => u.LoginName)).toEqual([login(CAST.ann)]);
    expect((await ann().web.siteGroups.getById(5).users()).map((u) => u.Title)).toEqual(["Everyone except external users"]);
  });

  it("creating a group answers 201 in SharePoint's shape: owned by its creator, membership hidden from non-members and not editable by them", async () => {
    const g = (await ann().web.siteGroups.add({ Title: "EAP Equalities Leads", Description: "Leads" })) as unknown as Record<string, unknown>;
    expect(g).toMatchObject({ Title: "EAP Equalities Leads", LoginName: "EAP Equalities Leads", PrincipalType: 8, AllowMembersEditMembership: false, OnlyAllowMembersViewMembership: true, OwnerTitle: "Ann Admin", AllowRequestToJoinLeave: false, AutoAcceptRequestToJoinLeave: false, RequestToJoinLeaveEmailSetting: null });
    leads = g.Id as number;
    edi = ((await ann().web.siteGroups.add({ Title: "EAP EDI Group", OnlyAllowMembersViewMembership: false })) as { Id: number }).Id;
    await ann().web.siteGroups.getById(edi).setUserAsOwner(leads);
    expect((await ann().web.siteGroups.getByName("EAP EDI Group")()).OwnerTitle).toBe("EAP Equalities Leads");
    expect(await refusal(ann().web.siteGroups.add({ Title: "eap edi group" }))).toMatchObject({ status: 400 });
  });

  it("members (Edit) cannot create groups: that takes CreateGroups (Full Control)", async () => {
    expect(await refusal(bob().web.siteGroups.add({ Title: "Bob's" }))).toEqual(ACCESS_DENIED);
  });

  it("an officer cannot add herself to the leads or to the EDI group", async () => {
    expect(await refusal(bob().web.siteGroups.getById(leads).users.add(login(CAST.bob)))).toEqual(ACCESS_DENIED);
    expect(await refusal(bob().web.siteGroups.getById(edi).users.add(login(CAST.bob)))).toEqual(ACCESS_DENIED);
    expect(await refusal(bob().web.siteGroups.getById(edi).setUserAsOwner(7))).toEqual(ACCESS_DENIED);
    expect(await refusal(bob().web.siteGroups.getById(edi).update({ AllowMembersEditMembership: true }))).toEqual(ACCESS_DENIED);
    expect((await ann().web.siteGroups.getById(edi).users()).map((u) => u.LoginName)).toEqual([]);
  });

  it("a lead (member of the owning group) manages the EDI group; an EDI member cannot change it", async () => {
    await ann().web.siteGroups.getById(leads).users.add(login(CAST.carol));
    const added = await carol().web.siteGroups.getById(edi).users.add(login(CAST.bob));
    expect((await added()).LoginName).toBe(login(CAST.bob));
    expect((await carol().web.siteGroups.getById(edi).users()).map((u) => u.LoginName)).toEqual([login(CAST.bob)]);
    // Bob is in the EDI group, whose members may not edit its membership.
    expect(await refusal(bob().web.siteGroups.getById(edi).users.add(login(CAST.carol)))).toEqual(ACCESS_DENIED);
    expect(await refusal(bob().web.siteGroups.getById(edi).users.removeById((await bob().web.currentUser()).Id))).toEqual(ACCESS_DENIED);
    expect((await bob().web.currentUser.groups()).map((g) => g.Title)).toEqual(["test Members", "EAP EDI Group"]);
  });

  it("hides the leads' membership from non-members until the owner says otherwise", async () => {
    expect(await refusal(bob().web.siteGroups.getById(leads).users())).toEqual(ACCESS_DENIED);
    expect((await carol().web.siteGroups.getById(leads).users()).map((u) => u.LoginName)).toEqual([login(CAST.carol)]);
    await ann().web.siteGroups.getById(leads).update({ OnlyAllowMembersViewMembership: false });
    expect((await bob().web.siteGroups.getById(leads).users()).map((u) => u.LoginName)).toEqual([login(CAST.carol)]);
  });

  it("adds only people the directory resolves; removes by id and login name; removeById takes the id quoted", async () => {
    const bad = await errorOf(ann().web.siteGroups.getById(edi).users.add(`i:0#.f|membership|${CAST.bob.mail}`));
    expect(bad.status).toBe(400);
    expect(bad.message).toContain(`The specified user i:0#.f|membership|${CAST.bob.mail} could not be found.`);
    await ann().web.siteGroups.getById(edi).users.removeByLoginName(login(CAST.bob));
    expect(await ann().web.siteGroups.getById(edi).users()).toEqual([]);
    const temp = (await ann().web.siteGroups.add({ Title: "Temporary" })) as { Id: number };
    const r = await raw(`${t.siteUrl}/_api/web/sitegroups/removebyid('${temp.Id}')`, tokenFor(CAST.ann), { method: "POST" });
    expect(r.status).toBe(200);
    expect(await refusal(ann().web.siteGroups.getById(temp.Id)())).toMatchObject({ status: 404 });
  });
});

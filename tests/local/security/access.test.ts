/**
 * SharePoint's permission model, written as the attacks: an officer with Read tries to write, someone outside the
 * site tries to get in, a member tries others' items under "edit own items only", items and lists the caller may
 * not see are probed by id. Each gets SharePoint's answer: 403 UnauthorizedAccessException, or 404 for what is
 * security-trimmed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { GRAPH_DIRECTORY, GUEST } from "../graph/graph-cast";
import { ACCESS_DENIED, addToGroup, CAST, CAST_DIRECTORY, errorOf, pnpAs, raw, refusal, tokenFor } from "../helpers";

let t: TestSharePoint;
const ann = () => pnpAs(t.siteUrl, CAST.ann); // site collection administrator (Owners)
const bob = () => pnpAs(t.siteUrl, CAST.bob); // Visitors: Read
const carol = () => pnpAs(t.siteUrl, CAST.carol); // Members: Edit
const nina = () => pnpAs(t.siteUrl, CAST.nina); // in the directory, in no group of the site

beforeAll(async () => {
  t = await startTestSharePoint({ directory: CAST_DIRECTORY, siteMembers: "none" });
  await addToGroup(t.baseUrl, "test", "test Visitors", CAST.bob.userPrincipalName);
  await addToGroup(t.baseUrl, "test", "test Members", CAST.carol.userPrincipalName);
  await ann().web.lists.add("Plan");
  await ann().web.lists.getByTitle("Plan").items.add({ Title: "one" });
  await ann().web.lists.getByTitle("Plan").items.add({ Title: "two" });
});
afterAll(async () => {
  await t.close();
});

describe("an officer with Read (Visitors)", () => {
  it("reads the plan, and her effective permissions are Read's", async () => {
    expect((await bob().web.lists.getByTitle("Plan").items.select("Title")()).map((i) => i.Title)).toEqual(["one", "two"]);
    expect(await bob().web.getCurrentUserEffectivePermissions()).toMatchObject({ High: "176", Low: "138612833" });
  });

  it("cannot add, update, delete or recycle items: 403 Access denied, and nothing changes", async () => {
    const items = bob().web.lists.getByTitle("Plan").items;
    expect(await refusal(items.add({ Title: "sneaked" }))).toEqual(ACCESS_DENIED);
    expect(await refusal(items.getById(1).update({ Title: "changed" }))).toEqual(ACCESS_DENIED);
    expect(await refusal(items.getById(1).delete())).toEqual(ACCESS_DENIED);
    expect(await refusal(items.getById(1).recycle())).toEqual(ACCESS_DENIED);
    const r = await raw(`${t.siteUrl}/_api/web/lists/getbytitle('Plan')/items`, tokenFor(CAST.bob), { method: "POST", body: { Title: "raw" } });
    expect(r.json["odata.error"]).toEqual({ code: ACCESS_DENIED.code, message: { lang: "en-US", value: "Access denied. You do not have permission to perform this action or access this resource." } });
    expect((await ann().web.lists.getByTitle("Plan").items.select("Title")()).map((i) => i.Title)).toEqual(["one", "two"]);
  });

  it("cannot create, change or delete lists and columns", async () => {
    expect(await refusal(bob().web.lists.add("Mine"))).toEqual(ACCESS_DENIED);
    expect(await refusal(bob().web.lists.getByTitle("Plan").update({ Description: "x" }))).toEqual(ACCESS_DENIED);
    expect(await refusal(bob().web.lists.getByTitle("Plan").fields.addText("Extra"))).toEqual(ACCESS_DENIED);
    expect(await refusal(bob().web.lists.getByTitle("Plan").delete())).toEqual(ACCESS_DENIED);
  });

  it("cannot break inheritance, assign roles, read assignments, or add anyone (herself included) to a group", async () => {
    const plan = bob().web.lists.getByTitle("Plan");
    expect(await refusal(plan.breakRoleInheritance(false, false))).toEqual(ACCESS_DENIED);
    expect(await refusal(plan.items.getById(1).breakRoleInheritance(false, false))).toEqual(ACCESS_DENIED);
    expect(await refusal(bob().web.roleAssignments.add(5, 1073741829))).toEqual(ACCESS_DENIED);
    expect(await refusal(bob().web.roleAssignments())).toEqual(ACCESS_DENIED);
    const owners = await ann().web.associatedOwnerGroup();
    expect(await refusal(bob().web.siteGroups.getById(owners.Id).users.add(`i:0#.f|membership|${CAST.bob.userPrincipalName}`))).toEqual(ACCESS_DENIED);
    expect(await refusal(bob().web.siteGroups.add({ Title: "Bob's own" }))).toEqual(ACCESS_DENIED);
    expect((await ann().web.siteGroups.getById(owners.Id).users()).map((u) => u.LoginName)).not.toContain(`i:0#.f|membership|${CAST.bob.userPrincipalName}`);
  });
});

describe("someone outside the site", () => {
  it("gets 403 for everything, the web and who they are included", async () => {
    expect(await refusal(nina().web())).toEqual(ACCESS_DENIED);
    expect(await refusal(nina().web.currentUser())).toEqual(ACCESS_DENIED);
    expect(await refusal(nina().web.lists.getByTitle("Plan").items())).toEqual(ACCESS_DENIED);
    // Not made a site user by knocking.
    expect((await ann().web.siteUsers()).map((u) => u.LoginName)).not.toContain(`i:0#.f|membership|${CAST.nina.userPrincipalName}`);
  });
});

describe("unique permissions and security trimming", () => {
  it("a list that breaks inheritance without copying keeps only the caller; others see no such list (404)", async () => {
    await ann().web.lists.add("Ledger");
    await ann().web.lists.getByTitle("Ledger").items.add({ Title: "secret" });
    await ann().web.lists.getByTitle("Ledger").breakRoleInheritance(false, false);
    const assignments = await ann().web.lists.getByTitle("Ledger").roleAssignments();
    expect(assignments.map((a) => a.PrincipalId)).toEqual([(await ann().web.currentUser()).Id]);
    expect(((await ann().web.lists.getByTitle("Ledger").select("HasUniqueRoleAssignments")()) as { HasUniqueRoleAssignments?: boolean }).HasUniqueRoleAssignments).toBe(true);
    const missing = await refusal(carol().web.lists.getByTitle("Ledger")());
    expect(missing).toEqual({ status: 404, code: "-1, System.ArgumentException" });
    expect(await refusal(carol().web.lists.getByTitle("Ledger").items())).toEqual({ status: 404, code: "-1, System.ArgumentException" });
    expect((await carol().web.lists.select("Title")()).map((l) => l.Title)).not.toContain("Ledger");
    // Carol (Edit on the web) could otherwise write anything: not here.
    expect((await refusal(carol().web.lists.getByTitle("Ledger").items.add({ Title: "x" }))).status).toBe(404);
  });

  it("an item with its own permissions is trimmed from queries and answers 404 by id; a role assignment brings it back", async () => {
    const plan = ann().web.lists.getByTitle("Plan");
    await plan.items.getById(2).breakRoleInheritance(false, false);
    expect((await bob().web.lists.getByTitle("Plan").items.select("Title")()).map((i) => i.Title)).toEqual(["one"]);
    expect(await refusal(bob().web.lists.getByTitle("Plan").items.getById(2)())).toEqual({ status: 404, code: "-2130575338, Microsoft.SharePoint.SPException" });
    expect((await refusal(carol().web.lists.getByTitle("Plan").items.getById(2).update({ Title: "x" }))).status).toBe(404);
    const visitors = await ann().web.associatedVisitorGroup();
    await plan.items.getById(2).roleAssignments.add(visitors.Id, 1073741826);
    expect((await bob().web.lists.getByTitle("Plan").items.select("Title")()).map((i) => i.Title)).toEqual(["one", "two"]);
    expect((await plan.items.getById(2).select("HasUniqueRoleAssignments")()).HasUniqueRoleAssignments).toBe(true);
    await plan.items.getById(2).resetRoleInheritance();
    expect((await plan.items.getById(2).select("HasUniqueRoleAssignments")()).HasUniqueRoleAssignments).toBe(false);
  });

  it("role assignments are keyed by principal; adding to an inheriting object is refused", async () => {
    const plan = ann().web.lists.getByTitle("Plan");
    const e = await errorOf(plan.roleAssignments.add(5, 1073741826));
    expect(e.status).toBe(400);
    expect(e.message).toContain("This operation is not allowed on an object that inherits permissions.");
    await ann().web.lists.add("Keyed");
    const keyed = ann().web.lists.getByTitle("Keyed");
    await keyed.breakRoleInheritance(true, false);
    const before = await keyed.roleAssignments();
    const me = (await ann().web.currentUser()).Id;
    await keyed.roleAssignments.add(me, 1073741829);
    await keyed.roleAssignments.add(me, 1073741829);
    const after = (await keyed.roleAssignments.expand("RoleDefinitionBindings")()) as unknown as { PrincipalId: number; RoleDefinitionBindings: { Name: string }[] }[];
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((a) => a.PrincipalId === me)?.RoleDefinitionBindings.map((d) => d.Name)).toEqual(["Full Control"]);
    const r = await raw(`${t.siteUrl}/_api/web/lists/getbytitle('Keyed')/roleassignments/removeroleassignment(principalid=${me}, roledefid=1073741829)`, tokenFor(CAST.ann), { method: "POST" });
    expect(r.status).toBe(200);
    expect(r.json["odata.null"]).toBe(true);
  });

  it("the root web's inheritance cannot be broken; role definitions carry SharePoint's ids, kinds and masks", async () => {
    expect((await errorOf(ann().web.breakRoleInheritance(false, false))).status).toBe(400);
    const defs = await ann().web.roleDefinitions();
    expect(defs.map((d) => [d.Name, d.Id, d.RoleTypeKind])).toEqual([
      ["Full Control", 1073741829, 5],
      ["Design", 1073741828, 4],
      ["Edit", 1073741830, 6],
      ["Contribute", 1073741827, 3],
      ["Read", 1073741826, 2],
      ["Limited Access", 1073741825, 1],
    ]);
    expect((await ann().web.roleDefinitions.getByType(2)()).BasePermissions).toMatchObject({ High: "176", Low: "138612833" });
    expect((await ann().web.roleDefinitions.getByName("Edit")()).Id).toBe(1073741830);
  });

  it("EffectiveBasePermissions and getUserEffectivePermissions answer per object; only those who may enumerate permissions may ask about others", async () => {
    expect(await ann().web.getCurrentUserEffectivePermissions()).toMatchObject({ "odata.type": "SP.BasePermissions", High: "2147483647", Low: "4294967295" });
    expect(await ann().web.lists.getByTitle("Plan").getUserEffectivePermissions(`i:0#.f|membership|${CAST.carol.userPrincipalName}`)).toMatchObject({ High: "432", Low: "1011030767" });
    expect(await ann().web.lists.getByTitle("Ledger").getUserEffectivePermissions(`i:0#.f|membership|${CAST.carol.userPrincipalName}`)).toMatchObject({ High: "0", Low: "0" });
    expect(await refusal(carol().web.getUserEffectivePermissions(`i:0#.f|membership|${CAST.bob.userPrincipalName}`))).toEqual(ACCESS_DENIED);
  });
});

describe("item-level list settings", () => {
  it("WriteSecurity 2: members edit their own items only; ReadSecurity 2: they read their own only; Full Control overrides both", async () => {
    await addToGroup(t.baseUrl, "test", "test Members", CAST.bob.userPrincipalName);
    await ann().web.lists.add("Own");
    await ann().web.lists.getByTitle("Own").update({ WriteSecurity: 2 });
    const carols = await carol().web.lists.getByTitle("Own").items.add({ Title: "carol's" });
    const bobs = await bob().web.lists.getByTitle("Own").items.add({ Title: "bob's" });
    expect(await refusal(carol().web.lists.getByTitle("Own").items.getById(bobs.Id).update({ Title: "mine now" }))).toEqual(ACCESS_DENIED);
    expect(await refusal(carol().web.lists.getByTitle("Own").items.getById(bobs.Id).delete())).toEqual(ACCESS_DENIED);
    await carol().web.lists.getByTitle("Own").items.getById(carols.Id).update({ Title: "carol's, edited" });
    await ann().web.lists.getByTitle("Own").items.getById(bobs.Id).update({ Title: "bob's, edited by the owner" });
    await ann().web.lists.getByTitle("Own").update({ ReadSecurity: 2 });
    expect((await carol().web.lists.getByTitle("Own").items.select("Title")()).map((i) => i.Title)).toEqual(["carol's, edited"]);
    expect(await refusal(carol().web.lists.getByTitle("Own").items.getById(bobs.Id)())).toEqual({ status: 404, code: "-2130575338, Microsoft.SharePoint.SPException" });
    expect(await ann().web.lists.getByTitle("Own").items()).toHaveLength(2);
    expect((await ann().web.lists.getByTitle("Own").select("ReadSecurity", "WriteSecurity")())).toMatchObject({ ReadSecurity: 2, WriteSecurity: 2 });
    expect((await errorOf(ann().web.lists.getByTitle("Own").update({ WriteSecurity: 3 }))).status).toBe(400);
  });
});


describe("everyone except external users", () => {
  it("makes the tenant's people members of a new site, but not guests", async () => {
    const s = await startTestSharePoint({ directory: GRAPH_DIRECTORY });
    try {
      await pnpAs(s.siteUrl, CAST.ann).web.lists.add("Open");
      await pnpAs(s.siteUrl, CAST.nina).web.lists.getByTitle("Open").items.add({ Title: "a member's" });
      expect(await refusal(pnpAs(s.siteUrl, GUEST).web())).toEqual(ACCESS_DENIED);
    } finally {
      await s.close();
    }
  });
});

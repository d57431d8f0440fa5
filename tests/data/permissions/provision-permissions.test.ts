/**
 * The permission model as `eap provision` sets it up (src/data/permissions), against the strict local SharePoint:
 * the two site groups with their owners and settings, each EAP list with its own permissions (owners Full Control;
 * the EAP groups, the site's members and visitors Read on the plan lists; nobody but owners on the system lists),
 * idempotent, refused with a clear sentence to anyone without Full Control, and the members functions reading the
 * groups.
 */
import "@pnp/sp/site-groups/web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devIdentity } from "../../../src/config/local-identities.ts";
import { addMember, createSp, DataError, DevTokenAuth, ensurePerson, getEdiGroup, getMembers, LIST_ORDER, LISTS, type SPFI } from "../../../src/data/index.ts";
import { EAP_GROUPS, expectedGrants, LIST_ACCESS, ROLE_DEFINITION, readGrantees, readListPermissions } from "../../../src/data/permissions/index.ts";
import { provision } from "../../../src/data/provision.ts";
import { SEED_ADMINISTRATOR, SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../../src/seed/people.ts";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";

let server: TestSharePoint;
let owner: SPFI;
const as = (who: string) => createSp(server.siteUrl, DevTokenAuth(devIdentity(who)));

beforeAll(async () => {
  server = await startTestSharePoint({ site: "perm" });
  owner = as(SEED_ADMINISTRATOR.upn);
});
afterAll(async () => server?.close());

describe("provisioning the permission model", () => {
  it("is refused to someone without Full Control, naming what it needs, before changing anything", async () => {
    const err = await provision(as(SEED_EQUALITIES_LEAD_UPN)).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.reason).toBe("forbidden");
    expect(err.message).toMatch(/Full Control/);
    expect(err.message).toMatch(/Nothing was changed/);
    const lists = (await owner.web.lists.select("Title")()) as Array<{ Title: string }>;
    expect(lists.map((l) => l.Title)).not.toContain(LISTS.plans.title);
  });

  it("creates the groups, gives every list its own permissions, and a second run changes nothing", async () => {
    const first = await provision(owner);
    expect(first.changes.filter((c) => c.what === "created the group").map((c) => c.list)).toEqual([EAP_GROUPS.leads.title, EAP_GROUPS.edi.title]);
    expect(first.changes.filter((c) => c.what === "permissions no longer inherited from the site")).toHaveLength(LIST_ORDER.length);
    const second = await provision(owner);
    expect(second.changes).toEqual([]);
  });

  it("makes the leads group owned by the site's Owners and the EDI group owned by the leads, neither editable by its members", async () => {
    const owners = (await owner.web.associatedOwnerGroup.select("Title")()) as { Title: string };
    const leads = (await owner.web.siteGroups.getByName(EAP_GROUPS.leads.title)()) as Record<string, unknown>;
    const edi = (await owner.web.siteGroups.getByName(EAP_GROUPS.edi.title)()) as Record<string, unknown>;
    expect(leads).toMatchObject({ OwnerTitle: owners.Title, AllowMembersEditMembership: false, OnlyAllowMembersViewMembership: false });
    expect(edi).toMatchObject({ OwnerTitle: EAP_GROUPS.leads.title, AllowMembersEditMembership: false, OnlyAllowMembersViewMembership: false });
  });

  it("grants exactly the model on each list: owners Full Control; the leads, the EDI group, members and visitors Read on plan lists; the leads alone Read on system lists", async () => {
    const grantees = await readGrantees(owner);
    for (const key of LIST_ORDER) {
      const have = await readListPermissions(owner, key);
      expect(have.unique, LISTS[key].title).toBe(true);
      const got = have.assignments.map((a) => `${a.id}:${a.roles.join("+")}`).sort();
      const want = expectedGrants(LIST_ACCESS[key]).map((g) => `${grantees[g.who]!.id}:${g.role}`).sort();
      expect(got, LISTS[key].title).toEqual(want);
    }
    const system = [
      { who: "owners", role: ROLE_DEFINITION.fullControl },
      { who: "leads", role: ROLE_DEFINITION.read },
    ];
    expect(expectedGrants(LIST_ACCESS.conversations)).toEqual(system);
    expect(expectedGrants(LIST_ACCESS.ledger)).toEqual(system);
    expect(expectedGrants(LIST_ACCESS.actions)).toContainEqual({ who: "leads", role: ROLE_DEFINITION.read });
  });

  it("takes Contribute away from the leads on a site provisioned by an earlier release: they read, the server writes", async () => {
    const grantees = await readGrantees(owner);
    const updates = owner.web.lists.getByTitle(LISTS.updates.title);
    await updates.roleAssignments.remove(grantees.leads!.id, ROLE_DEFINITION.read);
    await updates.roleAssignments.add(grantees.leads!.id, ROLE_DEFINITION.contribute);
    const again = await provision(owner);
    expect(again.changes.map((c) => `${c.list}: ${c.what}`).sort()).toEqual([`${LISTS.updates.title}: ${grantees.leads!.title}: Read`, `${LISTS.updates.title}: ${grantees.leads!.title}: no longer Contribute`].sort());
  });

  it("puts back what someone changed by hand: a lost grant, and Edit given to the site's members", async () => {
    const grantees = await readGrantees(owner);
    const actions = owner.web.lists.getByTitle(LISTS.actions.title);
    await actions.roleAssignments.remove(grantees.visitors!.id, ROLE_DEFINITION.read);
    await actions.roleAssignments.add(grantees.members!.id, 1073741830);
    const again = await provision(owner);
    expect(again.changes.map((c) => `${c.list}: ${c.what}`).sort()).toEqual([`${LISTS.actions.title}: ${grantees.members!.title}: no longer Edit`, `${LISTS.actions.title}: ${grantees.visitors!.title}: Read`].sort());
  });

  it("reads the lead and the EDI group from the site groups, for an officer too", async () => {
    const lead = await ensurePerson(owner, SEED_EQUALITIES_LEAD_UPN);
    const head = await ensurePerson(owner, SEED_UPNS.headOfPolicy);
    await addMember(owner, lead, "equalities-lead");
    await addMember(owner, lead, "edi-group");
    await addMember(owner, head, "edi-group");
    const officer = as(SEED_UPNS.housing);
    const members = await getMembers(officer);
    expect(members.map((m) => [m.person.upn, m.role])).toEqual([
      [SEED_EQUALITIES_LEAD_UPN, "equalities-lead"],
      [SEED_UPNS.headOfPolicy, "edi-group"],
    ]);
    const group = await getEdiGroup(officer);
    expect(group.find({ upn: SEED_UPNS.headOfPolicy.toUpperCase() })?.role).toBe("edi-group");
    expect(group.find({ upn: SEED_UPNS.housing })).toBeNull();
  });

  it("says the old members list is obsolete when the site still has it", async () => {
    await owner.web.lists.add("EAP Members", "old", 100, false);
    const report = await provision(owner);
    expect(report.warnings.join("\n")).toMatch(/EAP Members is obsolete.*EAP Equalities Leads.*EAP EDI Group/s);
  });
});

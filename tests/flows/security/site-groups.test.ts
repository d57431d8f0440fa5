/**
 * Attack: an officer makes themselves a member of the EDI group (or a lead), which the tab, the server and the bot
 * trust for review decisions. On the old model the group was a list every officer could write (the control at the
 * end shows such a list takes their item); now it is a SharePoint site group owned by the leads, and SharePoint
 * refuses the officer (403, Access denied), while officers still read who is in it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EAP_GROUPS } from "../../../src/data/permissions/model.ts";
import { SEED_ADMINISTRATOR, SEED_EQUALITIES_LEAD_UPN, SEED_UPNS } from "../../../src/seed/people.ts";
import { type SeededSite, startSeededSite } from "../../helpers/seeded-site.ts";
import { ACCESS_DENIED, claimsOf, listPath, restAs } from "./site-rest.ts";

let site: SeededSite;
const group = (key: keyof typeof EAP_GROUPS) => `web/sitegroups/getbyname('${encodeURIComponent(EAP_GROUPS[key].title)}')`;
const OFFICER = SEED_UPNS.housing;
/** In the EDI group, not a lead. */
const REVIEWER = SEED_UPNS.headOfPolicy;

beforeAll(async () => {
  site = await startSeededSite();
});
afterAll(async () => site?.close());

const memberUpns = async (key: keyof typeof EAP_GROUPS) =>
  ((await restAs(site.siteUrl, OFFICER)("GET", `${group(key)}/users?$select=UserPrincipalName`)).body.value ?? []).map((u) => String(u.UserPrincipalName).toLowerCase());

describe("an officer cannot put themselves in the EDI group or among the leads", () => {
  it("adding themselves to the EDI group is refused with 403", async () => {
    const r = await restAs(site.siteUrl, OFFICER)("POST", `${group("edi")}/users`, { LoginName: claimsOf(OFFICER) });
    expect(r.status).toBe(403);
    expect(r.code).toBe(ACCESS_DENIED);
    expect(await memberUpns("edi")).not.toContain(OFFICER);
  });

  it("adding themselves to the leads is refused with 403", async () => {
    const r = await restAs(site.siteUrl, OFFICER)("POST", `${group("leads")}/users`, { LoginName: claimsOf(OFFICER) });
    expect(r.status).toBe(403);
    expect(await memberUpns("leads")).not.toContain(OFFICER);
  });

  it("opening the group to its members' edits, or taking it over, is refused with 403", async () => {
    const rest = restAs(site.siteUrl, OFFICER);
    expect((await rest("MERGE", group("edi"), { AllowMembersEditMembership: true })).status).toBe(403);
    const me = (await rest("GET", "web/currentuser?$select=Id")).body.Id as number;
    expect((await rest("POST", `${group("edi")}/SetUserAsOwner(${me})`)).status).toBe(403);
  });

  it("a member of the EDI group cannot add a colleague or promote themselves to lead", async () => {
    const rest = restAs(site.siteUrl, REVIEWER);
    expect((await rest("POST", `${group("edi")}/users`, { LoginName: claimsOf(OFFICER) })).status).toBe(403);
    expect((await rest("POST", `${group("leads")}/users`, { LoginName: claimsOf(REVIEWER) })).status).toBe(403);
  });

  it("officers read both groups' membership; the lead (owner of the EDI group) changes it; site owners change the leads", async () => {
    expect(await memberUpns("leads")).toEqual([SEED_EQUALITIES_LEAD_UPN]);
    expect(await memberUpns("edi")).toContain(REVIEWER);
    const added = await restAs(site.siteUrl, SEED_EQUALITIES_LEAD_UPN)("POST", `${group("edi")}/users`, { LoginName: claimsOf(SEED_UPNS.workforce) });
    expect(added.status).toBe(201);
    expect(await memberUpns("edi")).toContain(SEED_UPNS.workforce);
    expect((await restAs(site.siteUrl, SEED_EQUALITIES_LEAD_UPN)("POST", `${group("leads")}/users`, { LoginName: claimsOf(SEED_UPNS.workforce) })).status).toBe(403);
    expect((await restAs(site.siteUrl, SEED_ADMINISTRATOR.upn)("POST", `${group("leads")}/users`, { LoginName: claimsOf(SEED_UPNS.workforce) })).status).toBe(201);
  });

  it("control: on the old model (a members list inheriting the site's permissions) the same officer's write landed", async () => {
    const admin = restAs(site.siteUrl, SEED_ADMINISTRATOR.upn);
    expect((await admin("POST", "web/lists", { Title: "Old Members", BaseTemplate: 100, Description: "" })).status).toBe(201);
    const r = await restAs(site.siteUrl, OFFICER)("POST", `${listPath("Old Members")}/items`, { Title: "me, EDI group" });
    expect(r.status).toBe(201);
  });
});

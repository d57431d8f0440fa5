/**
 * `eap doctor` as an operator runs it before go-live: a real process against the local SharePoint server. A healthy
 * seeded site passes every check and exits 0; a broken one (a column deleted, an index dropped, a column out of the
 * default view, versioning off, a New York time zone, a list past a (rehearsal) threshold without its index, an
 * officer of the active plan who has left, no grant for the app, a system list inheriting the site's permissions,
 * Edit for the site's members on a plan list, the EDI group opened to its members' edits, the old members list still
 * there) fails each check, says why, and exits 1.
 */
import "@pnp/sp/fields";
import "@pnp/sp/views";
import "@pnp/sp/security/list";
import "@pnp/sp/site-groups/web";
import { body } from "@pnp/queryable";
import { spPostMerge } from "@pnp/sp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LISTS } from "../../../src/data/index.ts";
import { EAP_GROUPS } from "../../../src/data/permissions/model.ts";
import { SEED_ADMINISTRATOR, SEED_DEPARTED_UPN, SEED_UPNS } from "../../../src/seed/people.ts";
import { localSeedTarget, seedSite } from "../../../src/seeding/seed-site.ts";
import { markDeparted, startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";
import { runCli } from "../../helpers/run-cli.ts";

const seed = (t: TestSharePoint) => seedSite(localSeedTarget(t.siteUrl), { shiftToToday: true, now: new Date("2026-11-23T10:00:00Z"), say: () => {} });
const lines = (out: string, status: string, check: string) => out.split("\n").filter((l) => l.startsWith(status) && l.slice(6).startsWith(check));

let healthy: TestSharePoint;
let broken: TestSharePoint;
beforeAll(async () => {
  [healthy, broken] = await Promise.all([
    startTestSharePoint({ site: "healthy" }),
    startTestSharePoint({ site: "broken", timeZone: "America/New_York", grants: {} }),
  ]);
  await Promise.all([seed(healthy), seed(broken)]);
  // The officer named only on the closed 2017 plan left the council: nothing current depends on him.
  await markDeparted(healthy.baseUrl, SEED_DEPARTED_UPN);
}, 120_000);
afterAll(async () => {
  await healthy?.close();
  await broken?.close();
});

describe("eap doctor", () => {
  it("passes every check on a healthy site and exits 0", async () => {
    const r = await runCli(["doctor", "--site", healthy.siteUrl]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(lines(r.stdout, "PASS", "lists")).toHaveLength(Object.keys(LISTS).length);
    for (const c of ["time zone", "threshold", "people", "app access"]) expect(lines(r.stdout, "PASS", c), c).toHaveLength(1);
    // Both site groups and every list's own permissions.
    expect(lines(r.stdout, "PASS", "permissions")).toHaveLength(2 + Object.keys(LISTS).length);
    expect(r.stdout).not.toMatch(/^(WARN|FAIL)/m);
    expect(r.stdout).toMatch(/passed, 0 warning\(s\), 0 failed/);
  });

  it("fails each check on a broken site, says why, and exits 1", async () => {
    const { createSp, DevTokenAuth } = await import("../../../src/data/index.ts");
    const { devIdentity } = await import("../../../src/config/local-identities.ts");
    const owner = createSp(broken.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn)));
    const actions = owner.web.lists.getByTitle(LISTS.actions.title);
    await actions.fields.getByInternalNameOrTitle("DueKind").delete();
    await spPostMerge(actions.fields.getByInternalNameOrTitle("DueDate"), body({ Indexed: false }));
    await actions.defaultView.fields.remove("Teams");
    await actions.update({ EnableVersioning: false });
    await markDeparted(broken.baseUrl, SEED_UPNS.housing);
    await owner.web.lists.getByTitle(LISTS.conversations.title).resetRoleInheritance();
    const members = (await owner.web.associatedMemberGroup.select("Id")()) as { Id: number };
    await owner.web.lists.getByTitle(LISTS.plans.title).roleAssignments.add(members.Id, 1073741830);
    await owner.web.siteGroups.getByName(EAP_GROUPS.edi.title).update({ AllowMembersEditMembership: true });
    await owner.web.lists.add("EAP Members", "The old members list", 100, false);

    const r = await runCli(["doctor", "--site", broken.siteUrl, "--threshold", "20"]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const [list] = lines(r.stdout, "FAIL", "lists");
    expect(list).toContain(LISTS.actions.title);
    for (const what of ["column DueKind", "Indexed", "not in the default view", "versioning should be on"]) expect(r.stdout).toContain(what);
    expect(lines(r.stdout, "WARN", "time zone")[0]).toMatch(/Eastern Time.*not Europe\/London/);
    expect(lines(r.stdout, "FAIL", "threshold").join("\n")).toMatch(/EAP Actions: \d+ items, over the 20-item list view threshold, without indexes on DueDate/);
    const people = lines(r.stdout, "FAIL", "people");
    expect(people).toHaveLength(1);
    expect(r.stdout).toMatch(new RegExp(`Dan Fairweather \\(${SEED_UPNS.housing.replace(/\./g, "\\.")}\\) on [A-Z]`));
    const permissions = lines(r.stdout, "FAIL", "permissions").join("\n");
    expect(permissions).toMatch(/EAP Conversations inherits the site's permissions/);
    expect(permissions).toMatch(/EAP Plans: 1 difference/);
    expect(r.stdout).toMatch(/holds Edit beyond the model/);
    expect(permissions).toMatch(/EAP EDI Group is not set as the model says/);
    expect(r.stdout).toContain("AllowMembersEditMembership is true, should be false");
    expect(lines(r.stdout, "WARN", "permissions").join("\n")).toMatch(/EAP Members is obsolete/);
    expect(lines(r.stdout, "FAIL", "app access")[0]).toMatch(/cannot read (\d+) of \1 lists.*Sites\.Selected/);
    expect(r.stderr).toMatch(/check\(s\) failed/);
  });
});

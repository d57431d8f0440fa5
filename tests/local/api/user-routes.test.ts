import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestSharePoint, startTestSharePoint } from "../../helpers/local-sharepoint";
import { pnp, statusOf } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint();
  // Ann reaches the site first, so she is its site collection administrator.
  await pnp(t.siteUrl).web.currentUser();
  await pnp(t.siteUrl).web.ensureUser("bob.builder@contoso.test");
});
afterAll(async () => {
  await t.close();
});

describe("site users", () => {
  it("creates the current user from the token and ensures others by email or claims login", async () => {
    const sp = pnp(t.siteUrl);
    const me = await sp.web.currentUser();
    expect(me).toMatchObject({
      Title: "Ann Admin",
      Email: "ann.admin@contoso.test",
      LoginName: "i:0#.f|membership|ann.admin@contoso.test",
      UserPrincipalName: "ann.admin@contoso.test",
      IsSiteAdmin: true,
    });
    const carol = await sp.web.ensureUser("i:0#.f|membership|carol.jones@contoso.test");
    expect(carol).toMatchObject({ Title: "Carol Jones", Email: "carol.jones@contoso.test", IsSiteAdmin: false });
    expect((await sp.web.ensureUser("carol.jones@contoso.test")).Id).toBe(carol.Id);
    expect((await sp.web.siteUsers.getByEmail("carol.jones@contoso.test")()).Id).toBe(carol.Id);
    expect((await sp.web.getUserById(carol.Id)()).Title).toBe("Carol Jones");
    expect((await sp.web.siteUsers.getById(carol.Id)()).Email).toBe("carol.jones@contoso.test");
    const users = await sp.web.siteUsers();
    expect(users.map((u) => u.Email)).toEqual(expect.arrayContaining(["ann.admin@contoso.test", "bob.builder@contoso.test", "carol.jones@contoso.test"]));
    expect(await sp.web.siteUsers.filter("Email eq 'carol.jones@contoso.test'")()).toHaveLength(1);
    // Carol signs in: her real name from the token replaces the derived one.
    const asCarol = await pnp(t.siteUrl, "carol.jones@contoso.test", "Carol M. Jones").web.currentUser();
    expect(asCarol).toMatchObject({ Id: carol.Id, Title: "Carol M. Jones" });
    expect(await statusOf(sp.web.siteUsers.getByEmail("nobody@contoso.test")())).toBe(404);
    expect(await statusOf(sp.web.ensureUser("not an email"))).toBe(500);
  });
});

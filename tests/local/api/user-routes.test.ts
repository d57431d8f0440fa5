import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { CAST, CAST_DIRECTORY, errorOf, pnp, pnpAs, raw, statusOf, tokenFor } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint({ open: true });
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
    expect(await statusOf(sp.web.ensureUser("not an email"))).toBe(400);
  });
});

describe("site users with a directory", () => {
  it("ensureuser resolves a UPN, a mail or a claims login of an enabled person, and refuses anyone else with SharePoint's 400", async () => {
    const d = await startTestSharePoint({ directory: CAST_DIRECTORY });
    try {
      const sp = pnpAs(d.siteUrl, CAST.ann);
      const byUpn = await sp.web.ensureUser(CAST.bob.userPrincipalName);
      expect(byUpn).toMatchObject({ Title: "Bob Builder", Email: CAST.bob.mail, LoginName: `i:0#.f|membership|${CAST.bob.userPrincipalName}`, IsSiteAdmin: false });
      expect((await sp.web.ensureUser(CAST.bob.mail)).Id).toBe(byUpn.Id);
      expect((await sp.web.ensureUser(`i:0#.f|membership|${CAST.bob.userPrincipalName}`)).Id).toBe(byUpn.Id);
      expect((await sp.web.ensureUser(CAST.carol.userPrincipalName)).Email).toBe("");
      for (const logon of [
        // A claims login built from a mail that is not the UPN: the mistake SharePoint punishes.
        `i:0#.f|membership|${CAST.bob.mail}`,
        CAST.dan.userPrincipalName,
        CAST.erin.mail,
        "nobody@contoso.test",
      ]) {
        const r = await raw(`${d.siteUrl}/_api/web/ensureuser`, tokenFor(CAST.ann), { method: "POST", body: { logonName: logon } });
        expect(r.status, logon).toBe(400);
        expect(r.json["odata.error"], logon).toEqual({
          code: "-2146232832, Microsoft.SharePoint.SPException",
          message: { lang: "en-US", value: `The specified user ${logon} could not be found.` },
        });
      }
      const users = await sp.web.siteUsers();
      expect(users.map((u) => u.LoginName)).not.toContain(`i:0#.f|membership|${CAST.dan.userPrincipalName}`);
    } finally {
      await d.close();
    }
  });

  it("projecting EMail of a multi-value person column fails the whole query when anyone in it has no mailbox; a single value reads ''", async () => {
    const d = await startTestSharePoint({ directory: CAST_DIRECTORY });
    try {
      const sp = pnpAs(d.siteUrl, CAST.ann);
      await sp.web.lists.add("Mail");
      const list = sp.web.lists.getByTitle("Mail");
      await list.fields.addUser("Owner", { SelectionMode: 0 });
      await list.fields.addUser("Officers", { SelectionMode: 0, AllowMultipleValues: true } as never);
      const ann = (await sp.web.currentUser()).Id;
      const carol = (await sp.web.ensureUser(CAST.carol.userPrincipalName)).Id;
      await list.items.add({ Title: "with carol", OwnerId: carol, OfficersId: [ann, carol] });
      const e = await errorOf(list.items.select("Title", "Officers/EMail").expand("Officers")());
      expect(e.status).toBe(500);
      expect(e.message).toContain("-2146232832, Microsoft.SharePoint.SPException");
      expect(e.message).toContain("Cannot get value for projected field Officers_x005f_EMail.");
      const [byTitle] = await list.items.select("Officers/Title", "Owner/EMail", "Owner/Title").expand("Officers", "Owner")();
      expect(byTitle.Officers.map((o: { Title: string }) => o.Title)).toEqual(["Ann Admin", "Carol No-Mail"]);
      expect(byTitle.Owner).toMatchObject({ Title: "Carol No-Mail", EMail: "" });
    } finally {
      await d.close();
    }
  });

  it("a person column refuses an id that is no site user, and a site user who has since left the directory", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "eap-local-users-"));
    try {
      const first = await startTestSharePoint({ dataDir, directory: CAST_DIRECTORY });
      const sp = pnpAs(first.siteUrl, CAST.ann);
      await sp.web.lists.add("People");
      await sp.web.lists.getByTitle("People").fields.addUser("Owner", { SelectionMode: 0 });
      const bob = await sp.web.ensureUser(CAST.bob.userPrincipalName);
      await sp.web.lists.getByTitle("People").items.add({ Title: "ok", OwnerId: bob.Id });
      const unknown = await errorOf(sp.web.lists.getByTitle("People").items.add({ Title: "x", OwnerId: 999 }));
      expect(unknown.status).toBe(400);
      expect(unknown.message).toContain("The user does not exist or is not unique.");
      await first.close({ keepData: true });
      // Bob leaves: his site user stays (as SharePoint keeps its User Information List), but no new value may name him.
      const second = await startTestSharePoint({ dataDir, directory: CAST_DIRECTORY.map((p) => (p.id === CAST.bob.id ? { ...p, deleted: true } : p)) });
      try {
        const again = pnpAs(second.siteUrl, CAST.ann);
        expect((await again.web.getUserById(bob.Id)()).Title).toBe("Bob Builder");
        expect((await errorOf(again.web.lists.getByTitle("People").items.add({ Title: "gone", OwnerId: bob.Id }))).status).toBe(400);
        expect((await again.web.lists.getByTitle("People")()).ItemCount).toBe(1);
      } finally {
        await second.close({ keepData: true });
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

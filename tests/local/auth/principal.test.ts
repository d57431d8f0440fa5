/**
 * Tokens against a directory, written as the attacks: a token for someone absent, disabled or deleted, a token
 * whose user name disagrees with its object id, a token with no object id. Each gets SharePoint's 401.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { CAST, CAST_DIRECTORY, pnpAs, raw, tokenFor } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint({ directory: CAST_DIRECTORY });
});
afterAll(async () => {
  await t.close();
});

const currentUser = (token: string | null) => raw(`${t.siteUrl}/_api/web/currentuser`, token);

describe("people named by oid", () => {
  it("a directory person's site user carries the claims login of the UPN, the mail ('' without one) and the object id", async () => {
    const ann = await pnpAs(t.siteUrl, CAST.ann).web.currentUser();
    expect(ann).toMatchObject({
      LoginName: `i:0#.f|membership|${CAST.ann.userPrincipalName}`,
      Title: "Ann Admin",
      Email: CAST.ann.mail,
      UserPrincipalName: CAST.ann.userPrincipalName,
      IsSiteAdmin: true,
      PrincipalType: 1,
      AadObjectId: { NameId: CAST.ann.id, NameIdIssuer: "urn:federation:microsoftonline" },
    });
    expect(ann.UserId).toMatchObject({ NameIdIssuer: "urn:federation:microsoftonline" });
    const bob = await pnpAs(t.siteUrl, CAST.bob).web.currentUser();
    expect(bob).toMatchObject({ LoginName: `i:0#.f|membership|${CAST.bob.userPrincipalName}`, Email: CAST.bob.mail, UserPrincipalName: CAST.bob.userPrincipalName, IsSiteAdmin: false });
    const carol = await pnpAs(t.siteUrl, CAST.carol).web.currentUser();
    expect(carol.Email).toBe("");
  });

  it("refuses tokens for people who are not enabled directory users with SharePoint's 401", async () => {
    const stranger = { id: "f0000000-0000-4000-8000-0000000000ff", userPrincipalName: "mallory@evil.test", displayName: "Mallory" };
    for (const [who, token] of [
      ["unknown", tokenFor(stranger)],
      ["disabled", tokenFor(CAST.dan)],
      ["deleted", tokenFor(CAST.erin)],
      // Ann's object id with Bob's user name: a forged or confused token names nobody.
      ["mismatched", tokenFor(CAST.ann, { upn: CAST.bob.userPrincipalName, preferred_username: CAST.bob.userPrincipalName })],
      ["no oid", tokenFor(CAST.ann, { oid: undefined })],
      ["expired", tokenFor(CAST.ann, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ] as const) {
      const r = await currentUser(token);
      expect(r.status, who).toBe(401);
      expect(Object.keys(r.json), who).toEqual(["error_description"]);
      expect(r.json.error_description, who).toMatch(/^Invalid JWT token\./);
      expect(r.headers.get("www-authenticate"), who).toMatch(/^Bearer realm=/);
    }
    expect((await currentUser(null)).status).toBe(401);
  });

  it("a refused token writes nothing", async () => {
    const sp = pnpAs(t.siteUrl, CAST.ann);
    await sp.web.lists.add("Guarded");
    const r = await raw(`${t.siteUrl}/_api/web/lists/getbytitle('Guarded')/items`, tokenFor(CAST.dan), { method: "POST", body: { Title: "sneaked in" } });
    expect(r.status).toBe(401);
    expect((await sp.web.lists.getByTitle("Guarded")()).ItemCount).toBe(0);
  });

  it("cannot be combined with anonymous access", async () => {
    await expect(startTestSharePoint({ directory: CAST_DIRECTORY, anonymous: true })).rejects.toThrow(/anonymous and directory cannot be combined/);
  });
});

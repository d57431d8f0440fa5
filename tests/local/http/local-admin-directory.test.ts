/**
 * `/_local/directory`: a person leaves after they became a site user, as happens in every tenant. Their site user
 * stays (SharePoint keeps the User Information List), but their token, ensureUser and being put in a person column
 * fail from then on; the site collection administrator cannot be removed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { CAST, CAST_DIRECTORY, pnpAs, raw, statusOf, tokenFor } from "../helpers";

let t: TestSharePoint;
beforeAll(async () => {
  t = await startTestSharePoint({ directory: CAST_DIRECTORY });
});
afterAll(async () => t.close());

const patch = (who: string, body: unknown) => fetch(`${t.baseUrl}/_local/directory/${encodeURIComponent(who)}`, { method: "PATCH", body: JSON.stringify(body) });

describe("a person leaves after becoming a site user", () => {
  it("keeps their site user, and refuses their token, ensureUser and person columns from then on", async () => {
    const ann = pnpAs(t.siteUrl, CAST.ann);
    await ann.web.lists.add("People");
    await ann.web.lists.getByTitle("People").fields.createFieldAsXml(`<Field Type="User" Name="Who" DisplayName="Who" />`);
    const nina = (await ann.web.ensureUser(CAST.nina.userPrincipalName)) as { Id?: number; data?: { Id: number } };
    const ninaId = nina.data?.Id ?? nina.Id!;
    expect(await statusOf(ann.web.lists.getByTitle("People").items.add({ WhoId: ninaId }))).toBe(0);

    const r = await patch(CAST.nina.userPrincipalName, { deleted: true });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { deleted: boolean }).deleted).toBe(true);

    // Still a site user, by id, with her claims login.
    const users = (await ann.web.siteUsers()) as Array<{ Id: number; LoginName: string }>;
    expect(users.find((u) => u.Id === ninaId)?.LoginName).toBe(`i:0#.f|membership|${CAST.nina.userPrincipalName}`);
    expect(await statusOf(ann.web.ensureUser(CAST.nina.userPrincipalName))).toBe(400);
    expect(await statusOf(ann.web.lists.getByTitle("People").items.add({ WhoId: ninaId }))).toBe(400);
    expect((await raw(`${t.siteUrl}/_api/web/currentuser`, tokenFor(CAST.nina))).status).toBe(401);

    // And she comes back.
    expect((await patch(CAST.nina.id, { deleted: false })).status).toBe(200);
    expect(await statusOf(ann.web.ensureUser(CAST.nina.userPrincipalName))).toBe(0);
  });

  it("refuses to remove the site collection administrator, unknown people and other changes", async () => {
    expect((await patch(CAST.ann.id, { accountEnabled: false })).status).toBe(400);
    expect((await patch("nobody@contoso.test", { deleted: true })).status).toBe(400);
    expect((await patch(CAST.bob.id, { displayName: "Robert" })).status).toBe(400);
    expect((await fetch(`${t.baseUrl}/_local/directory`)).status).toBe(200);
  });
});

/**
 * An app with its own identity (Sites.Selected): no grant, no access; its rights are exactly its grant's, made by
 * an administrator through Graph (`POST /v1.0/sites/{id}/permissions`) or by `--grant` for scripts. Written as the
 * attacks: an app with write tries to create lists, change permissions and make groups; a non-administrator
 * tries to grant.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { ACCESS_DENIED, appToken, CAST, CAST_DIRECTORY, pnpApp, pnpAs, raw, refusal, tokenFor } from "../helpers";

const APP = "11111111-2222-4333-8444-555555555555";
let t: TestSharePoint;
let siteId: string;
const ann = () => pnpAs(t.siteUrl, CAST.ann);
const app = () => pnpApp(t.siteUrl, APP);
const graph = (path: string) => `${t.baseUrl}/v1.0/${path}`;

async function grant(roles: string[], token = tokenFor(CAST.ann)) {
  return raw(graph(`sites/${siteId}/permissions`), token, { method: "POST", body: { roles, grantedToIdentities: [{ application: { id: APP, displayName: "Equality Action Plan" } }] } });
}

beforeAll(async () => {
  t = await startTestSharePoint({ directory: CAST_DIRECTORY });
  await ann().web.lists.add("Plan");
  await ann().web.lists.getByTitle("Plan").items.add({ Title: "by ann" });
});
afterAll(async () => {
  await t.close();
});

describe("Graph: finding the site and granting an app", () => {
  it("GET /v1.0/sites/{hostname}:/sites/{name} answers the composite site id", async () => {
    const r = await raw(graph("sites/127.0.0.1:/sites/test"), tokenFor(CAST.ann));
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ name: "test", webUrl: t.siteUrl, displayName: "test" });
    expect(r.json.id).toMatch(/^127\.0\.0\.1,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    siteId = r.json.id;
    expect((await raw(graph("sites/127.0.0.1:/sites/nope"), tokenFor(CAST.ann))).json.error.code).toBe("itemNotFound");
  });

  it("only the site collection administrator may grant: others get Graph's 403", async () => {
    const r = await grant(["fullcontrol"], tokenFor(CAST.bob));
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject({ code: "accessDenied", message: "Access denied" });
    expect(r.json.error.innerError["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect((await grant(["fullcontrol"], appToken(APP))).status).toBe(403);
    expect((await raw(graph(`sites/${siteId}/permissions`), tokenFor(CAST.bob))).status).toBe(403);
  });
});

describe("an app's rights are its grant's", () => {
  it("without a grant the app reaches nothing", async () => {
    expect(await refusal(app().web())).toEqual(ACCESS_DENIED);
    expect(await refusal(app().web.lists.getByTitle("Plan").items())).toEqual(ACCESS_DENIED);
  });

  it("write: items yes, as SharePoint App; lists, permissions and groups no", async () => {
    const r = await grant(["write"]);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ roles: ["write"], grantedToIdentities: [{ application: { id: APP, displayName: "Equality Action Plan" } }] });
    const added = await app().web.lists.getByTitle("Plan").items.add({ Title: "by the app" });
    const author = await ann().web.getUserById(added.AuthorId)();
    expect(author).toMatchObject({ Id: 1073741822, Title: "SharePoint App", LoginName: "i:0i.t|00000003-0000-0ff1-ce00-000000000000|app@sharepoint" });
    await app().web.lists.getByTitle("Plan").items.getById(1).update({ Title: "by ann, corrected by the app" });
    expect(await refusal(app().web.lists.add("AppList"))).toEqual(ACCESS_DENIED);
    expect(await refusal(app().web.lists.getByTitle("Plan").breakRoleInheritance(false, false))).toEqual(ACCESS_DENIED);
    expect(await refusal(app().web.siteGroups.add({ Title: "App's" }))).toEqual(ACCESS_DENIED);
    expect(await refusal(app().web.lists.getByTitle("Plan").fields.addText("Extra"))).toEqual(ACCESS_DENIED);
  });

  it("the grant reaches lists whose inheritance is broken (the product's system lists)", async () => {
    await ann().web.lists.add("Ledger");
    await ann().web.lists.getByTitle("Ledger").breakRoleInheritance(false, false);
    await app().web.lists.getByTitle("Ledger").items.add({ Title: "nudge" });
    expect((await refusal(pnpAs(t.siteUrl, CAST.bob).web.lists.getByTitle("Ledger").items())).status).toBe(404);
  });

  it("fullcontrol: lists, permissions and groups too; read: reading only; a revoked grant ends access", async () => {
    const perms = await raw(graph(`sites/${siteId}/permissions`), tokenFor(CAST.ann));
    const id = perms.json.value[0].id;
    expect(Buffer.from(id, "base64").toString()).toContain(`i:0i.t|ms.sp.ext|${APP}@`);
    await raw(graph(`sites/${siteId}/permissions/${id}`), tokenFor(CAST.ann), { method: "PATCH", body: { roles: ["fullcontrol"] } });
    await app().web.lists.add("AppList");
    await app().web.lists.getByTitle("AppList").breakRoleInheritance(true, false);
    await app().web.siteGroups.add({ Title: "App's group" });
    await raw(graph(`sites/${siteId}/permissions/${id}`), tokenFor(CAST.ann), { method: "PATCH", body: { roles: ["read"] } });
    expect((await app().web.lists.getByTitle("Plan").items()).length).toBeGreaterThan(0);
    expect(await refusal(app().web.lists.getByTitle("Plan").items.add({ Title: "x" }))).toEqual(ACCESS_DENIED);
    expect((await raw(graph(`sites/${siteId}/permissions/${id}`), tokenFor(CAST.ann), { method: "DELETE" })).status).toBe(204);
    expect(await refusal(app().web())).toEqual(ACCESS_DENIED);
  });

  it("--grant makes the grant at start, for scripts", async () => {
    const s = await startTestSharePoint({ directory: CAST_DIRECTORY, grants: { [APP]: "write" } });
    try {
      await pnpAs(s.siteUrl, CAST.ann).web.lists.add("Scripted");
      await pnpApp(s.siteUrl, APP).web.lists.getByTitle("Scripted").items.add({ Title: "ok" });
      expect(await refusal(pnpApp(s.siteUrl, APP).web.lists.add("No"))).toEqual(ACCESS_DENIED);
    } finally {
      await s.close();
    }
    await expect(startTestSharePoint({ open: true, grants: { [APP]: "owner" } })).rejects.toThrow(/read, write, manage or fullcontrol/);
  });
});

/**
 * Reaching someone who never opened the app: catalog id, install, "is it installed", the 1:1 chat id. Each of the
 * mistakes a stand-in most often lets through is written here as a test: installing by the manifest id, a second
 * install answering 201, "not installed" as a 404, bodies on empty answers, the two kinds of 403.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { appToken, CAST, raw } from "../helpers";
import { BLOCKED, BOT_APP, botToken, GRAPH_DIRECTORY, INSTALLER, MANIFEST_ID, UNLICENSED } from "./graph-cast";

let t: TestSharePoint;
let catalogId: string;
const g = (path: string) => `${t.baseUrl}/v1.0/${path}`;
const install = (user: string, appId: string, token = INSTALLER) =>
  raw(g(`users/${user}/teamwork/installedApps`), token, { method: "POST", body: { "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${appId}` } });
const installed = (user: string, query: string, token = INSTALLER) => raw(g(`users/${user}/teamwork/installedApps?${query}`), token);

beforeAll(async () => {
  t = await startTestSharePoint({ directory: GRAPH_DIRECTORY, teamsApps: [{ manifestId: MANIFEST_ID, displayName: "Equality Action Plan", appId: BOT_APP }] });
});
afterAll(async () => {
  await t.close();
});

describe("the org catalog", () => {
  it("finds the app by its manifest id as externalId; its catalog id is another id", async () => {
    const r = await raw(g(`appCatalogs/teamsApps?$filter=externalId eq '${MANIFEST_ID}'`), INSTALLER);
    expect(r.status).toBe(200);
    expect(r.json["@odata.context"]).toBe(`${t.baseUrl}/v1.0/$metadata#appCatalogs/teamsApps`);
    expect(r.json.value).toHaveLength(1);
    expect(r.json.value[0]).toMatchObject({ externalId: MANIFEST_ID, displayName: "Equality Action Plan", distributionMethod: "organization" });
    catalogId = r.json.value[0].id;
    expect(catalogId).not.toBe(MANIFEST_ID);
    expect((await raw(g("appCatalogs/teamsApps?$filter=externalId eq 'nothing'"), INSTALLER)).json.value).toEqual([]);
    expect((await raw(g("appCatalogs/teamsApps?$filter=distributionMethod eq 'organization'&$expand=appDefinitions"), INSTALLER)).json.value[0].appDefinitions[0]).toMatchObject({ teamsAppId: catalogId, publishingState: "published" });
  });

  it("needs AppCatalog.Read.All (or its kin): 403 Missing scope permissions", async () => {
    const r = await raw(g("appCatalogs/teamsApps"), botToken(["User.Read.All"]));
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("Forbidden");
    expect(r.json.error.message).toMatch(/^Missing scope permissions on the request\. API requires one of 'AppCatalog\.Read\.All, /);
  });
});

describe("installing the app for a person", () => {
  it("before: 'is it installed' is 200 with an empty value, never a 404", async () => {
    const r = await installed(CAST.bob.id, `$expand=teamsApp&$filter=teamsApp/id eq '${catalogId}'`);
    expect(r.status).toBe(200);
    expect(r.json.value).toEqual([]);
  });

  it("the manifest id is not the catalog id: 404, and nothing is installed", async () => {
    const r = await install(CAST.bob.id, MANIFEST_ID);
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe("NotFound");
    expect((await installed(CAST.bob.id, "$expand=teamsApp")).json.value).toEqual([]);
  });

  it("installs with 201 and no body; a second install is 409 Conflict", async () => {
    const r = await install(CAST.bob.userPrincipalName, catalogId);
    expect(r.status).toBe(201);
    expect(r.text).toBe("");
    const again = await install(CAST.bob.id, catalogId);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("Conflict");
  });

  it("after: the three documented filter forms find it, and the installation leads to the 1:1 chat", async () => {
    const forms = [
      `$expand=teamsApp&$filter=teamsApp/id eq '${catalogId}'`,
      `$expand=teamsApp,teamsAppDefinition&$filter=teamsApp/externalId eq '${MANIFEST_ID}'&$count=true`,
      `$expand=teamsAppDefinition&$filter=teamsAppDefinition/teamsAppId eq '${catalogId}'`,
    ];
    const ids = new Set<string>();
    for (const q of forms) {
      const r = await installed(CAST.bob.id, q);
      expect(r.json.value, q).toHaveLength(1);
      ids.add(r.json.value[0].id);
    }
    expect(ids.size).toBe(1);
    const [installationId] = [...ids];
    expect(installationId).not.toBe(catalogId);
    const withCount = await installed(CAST.bob.id, forms[1]);
    expect(withCount.json).toMatchObject({ "@odata.count": 1, value: [{ teamsApp: { id: catalogId }, teamsAppDefinition: { teamsAppId: catalogId } }] });
    const chat = await raw(g(`users/${CAST.bob.id}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`), botToken(["TeamsAppInstallation.ReadForUser.All"]));
    expect(chat.status).toBe(200);
    expect(chat.json["@odata.context"]).toBe(`${t.baseUrl}/v1.0/$metadata#chats/$entity`);
    expect(chat.json.id).toMatch(/^19:.+@unq\.gbl\.spaces$/);
    expect(chat.json.id).toContain(CAST.bob.id);
    expect((await raw(g(`users/${CAST.carol.id}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`), INSTALLER)).status).toBe(404);
  });

  it("403 means two things: the app permission policy blocks it (AccessDenied inside), or the token lacks the scope", async () => {
    const blocked = await install(BLOCKED.id, catalogId);
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe("Forbidden");
    expect(blocked.json.error.message).toMatch(/^App is blocked by app permission policy\. TenantId: .*UserObjectId: a2000000-.*AppType: Private$/);
    expect(blocked.json.error.innerError.code).toBe("AccessDenied");
    const scope = await install(CAST.carol.id, catalogId, botToken(["TeamsAppInstallation.ReadForUser.All"]));
    expect(scope.status).toBe(403);
    expect(scope.json.error.message).toMatch(/^Missing scope permissions on the request/);
    expect(scope.json.error.innerError.code).toBeUndefined();
  });

  it("refuses someone without a Teams licence, a deleted or unknown person, and another app with Self permissions", async () => {
    const unlicensed = await install(UNLICENSED.id, catalogId);
    expect(unlicensed.status).toBe(403);
    expect(unlicensed.json.error.message).toContain("Failed to get license information for the user");
    expect((await install(CAST.erin.id, catalogId)).json.error.code).toBe("Request_ResourceNotFound");
    // "Self" lets an app install only itself.
    const other = await install(CAST.carol.id, catalogId, appToken("c0ffee00-0000-4000-8000-000000000000", ["TeamsAppInstallation.ReadWriteSelfForUser.All"]));
    expect(other.status).toBe(403);
    expect(other.json.error.message).toContain("is not allowed to manage the Teams App");
    expect((await install(CAST.carol.id, catalogId, appToken("c0ffee00-0000-4000-8000-000000000000", ["TeamsAppInstallation.ReadWriteForUser.All"]))).status).toBe(201);
  });
});

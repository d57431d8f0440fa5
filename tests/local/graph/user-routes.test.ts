/** `GET /v1.0/users/{id | upn}` as Graph answers it, and what a token needs to ask. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint";
import { CAST, raw, tokenFor } from "../helpers";
import { annWith, botToken, GRAPH_DIRECTORY, GUEST } from "./graph-cast";

let t: TestSharePoint;
const users = (ref: string, token: string) => raw(`${t.baseUrl}/v1.0/users/${ref}`, token);
const reader = botToken(["User.Read.All"]);

beforeAll(async () => {
  t = await startTestSharePoint({ directory: GRAPH_DIRECTORY });
});
afterAll(async () => {
  await t.close();
});

describe("GET /v1.0/users/{id | upn}", () => {
  it("answers the default properties; accountEnabled only when selected; mail may be null", async () => {
    const r = await users(CAST.bob.id, reader);
    expect(r.status).toBe(200);
    expect(r.json["@odata.context"]).toBe(`${t.baseUrl}/v1.0/$metadata#users/$entity`);
    expect(Object.keys(r.json).sort()).toEqual(["@odata.context", "businessPhones", "displayName", "givenName", "id", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName"]);
    expect(r.json).toMatchObject({ id: CAST.bob.id, userPrincipalName: CAST.bob.userPrincipalName, mail: CAST.bob.mail, displayName: "Bob Builder" });
    expect(r.json.accountEnabled).toBeUndefined();
    const sel = await users(`${CAST.carol.userPrincipalName}?$select=id,userPrincipalName,mail,accountEnabled,displayName`, reader);
    expect(sel.json).toEqual({
      "@odata.context": `${t.baseUrl}/v1.0/$metadata#users(id,userPrincipalName,mail,accountEnabled,displayName)/$entity`,
      id: CAST.carol.id,
      userPrincipalName: CAST.carol.userPrincipalName,
      mail: null,
      accountEnabled: true,
      displayName: "Carol No-Mail",
    });
    expect((await users(`${CAST.dan.id}?$select=accountEnabled`, reader)).json.accountEnabled).toBe(false);
  });

  it("deleted and unknown people are 404 Request_ResourceNotFound in Graph's envelope", async () => {
    for (const ref of [CAST.erin.id, CAST.erin.userPrincipalName, "00000000-0000-4000-8000-00000000dead"]) {
      const r = await users(ref, reader);
      expect(r.status, ref).toBe(404);
      expect(r.json.error.code).toBe("Request_ResourceNotFound");
      expect(r.json.error.message).toBe(`Resource '${ref}' does not exist or one of its queried reference-property objects are not present.`);
      expect(Object.keys(r.json.error.innerError).sort()).toEqual(["client-request-id", "date", "request-id"]);
    }
  });

  it("finds a guest by a UPN whose # is encoded as %23, and a UPN in users('…') form", async () => {
    const encoded = GUEST.userPrincipalName.replace(/#/g, "%23");
    expect((await users(encoded, reader)).json.id).toBe(GUEST.id);
    expect((await raw(`${t.baseUrl}/v1.0/users('${CAST.bob.userPrincipalName}')`, reader)).json.id).toBe(CAST.bob.id);
  });

  it("needs a directory-reading permission: others get 403 Authorization_RequestDenied; anyone may read themselves with User.Read", async () => {
    const none = await users(CAST.bob.id, botToken([]));
    expect(none.status).toBe(403);
    expect(none.json.error).toMatchObject({ code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." });
    expect((await users(CAST.bob.id, annWith("User.Read"))).status).toBe(403);
    expect((await users(CAST.ann.id, annWith("User.Read"))).status).toBe(200);
    expect((await raw(`${t.baseUrl}/v1.0/me`, annWith("User.Read"))).json.id).toBe(CAST.ann.id);
    expect((await users(CAST.bob.id, annWith("User.Read.All"))).status).toBe(200);
    // A token for someone disabled is refused before anything: Graph's 401.
    const r = await users(CAST.bob.id, tokenFor(CAST.dan, { scp: "User.Read.All" }));
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe("InvalidAuthenticationToken");
  });
});

/**
 * Auth settings → auth behavior (src/data/auth/sp-auth.ts), the one function the CLI and the server share: each
 * kind signs requests as the person or app it names, and settings that cannot work fail before any request.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_APP_IDENTITY } from "../../../src/config/local-identities.ts";
import { mintDevToken } from "../../../src/data/auth/dev-token.ts";
import { spAuthFrom } from "../../../src/data/auth/sp-auth.ts";
import { createSp, getCurrentPerson } from "../../../src/data/index.ts";
import { LOCAL_APP_GRANT, SEED_DIRECTORY_BEFORE_DEPARTURES, startTestSharePoint, type TestSharePoint } from "../../helpers/local-sharepoint.ts";

const ALEX = { upn: "alex.officer@example.org", name: "Alex Officer", oid: "5b0c3c1e-8a51-4c8e-9c43-0d7a3b2f11a1" };
const SAM = { upn: "sam.lead@example.org", name: "Sam Lead", oid: "0f0d5a9e-3f55-4c52-8f61-4b2d5d7c9e02" };
const entry = (p: typeof ALEX) => ({ id: p.oid, userPrincipalName: p.upn, mail: p.upn, displayName: p.name, accountEnabled: true, deleted: false });

let server: TestSharePoint;
beforeAll(async () => {
  server = await startTestSharePoint({ site: "auth", directory: [...SEED_DIRECTORY_BEFORE_DEPARTURES, entry(ALEX), entry(SAM)], grants: LOCAL_APP_GRANT });
});
afterAll(async () => server?.close());

describe("spAuthFrom", () => {
  it("dev: requests are made as the development identity", async () => {
    const sp = createSp(server.siteUrl, await spAuthFrom({ kind: "dev", identity: ALEX }));
    expect(await getCurrentPerson(sp)).toMatchObject({ name: ALEX.name, email: ALEX.upn });
  });

  it("dev-app: requests are made as the product's own app, with the site's grant", async () => {
    const sp = createSp(server.siteUrl, await spAuthFrom({ kind: "dev-app", app: LOCAL_APP_IDENTITY }));
    // An app is not a person: SharePoint shows it as its one "SharePoint App" user, with no sign-in name.
    expect(await getCurrentPerson(sp)).toMatchObject({ id: 1073741822, name: "SharePoint App", upn: "" });
  });

  it("token: the provider is asked on every request, so it can renew, and its token decides who is calling", async () => {
    let asked = 0;
    const getToken = async () => {
      asked++;
      return mintDevToken(SAM);
    };
    const sp = createSp(server.siteUrl, await spAuthFrom({ kind: "token", getToken }));
    expect(asked).toBe(0);
    expect(await getCurrentPerson(sp)).toMatchObject({ name: SAM.name });
    await getCurrentPerson(sp);
    expect(asked).toBe(2);
  });

  it("certificate: a key file that cannot be read fails at once, naming the file", async () => {
    const missing = join(server.dataDir, "no-such-key.pem");
    const settings = { kind: "certificate", tenantId: "t", clientId: "c", siteUrl: "https://contoso.sharepoint.com/sites/edi", privateKeyPath: missing, thumbprint: "A".repeat(40) } as const;
    await expect(spAuthFrom(settings)).rejects.toThrow(missing);
  });

  it("device code: nobody is asked to sign in until a request needs a token", async () => {
    const said: string[] = [];
    const auth = await spAuthFrom({
      kind: "device-code",
      tenantId: "00000000-0000-4000-8000-000000000001",
      clientId: "00000000-0000-4000-8000-000000000002",
      siteUrl: "https://contoso.sharepoint.com/sites/edi",
      say: (m) => said.push(m),
    });
    expect(typeof auth).toBe("function");
    expect(said).toEqual([]);
  });
});

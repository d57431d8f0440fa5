/** Which site a CLI command works on and how it signs in (src/config/site-access.ts). */
import { describe, expect, it } from "vitest";
import { devIdentity, LOCAL_BOT_IDENTITY } from "../../src/config/local-identities.ts";
import { loadSiteAccess } from "../../src/config/site-access.ts";
import { SEED_ADMINISTRATOR, SEED_PEOPLE } from "../../src/seed/people.ts";
import { configErrorOf } from "../helpers/config-error.ts";

const LOCAL = "http://127.0.0.1:4321/sites/edi";
const REMOTE = "https://contoso.sharepoint.com/sites/equality";
const TENANT = "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d";
const TAB = "0f9e8d7c-6b5a-4433-8221-100f0e0d0c0b";
const BOT = "5c1b7f0e-8a7d-4c55-9d1e-3f6a2b9c0d11";
const SHA256 = "ab".repeat(32);

const problemsOf = (load: () => unknown) => configErrorOf(load).problems.map((p) => `${p.setting}: ${p.message}`);

describe("site access", () => {
  it("uses development tokens on a loopback site, as the seeded equalities lead unless told otherwise", () => {
    expect(loadSiteAccess({ siteUrl: `${LOCAL}/` }, {}).access).toEqual({ siteUrl: LOCAL, signIn: { kind: "dev", identity: devIdentity(SEED_ADMINISTRATOR.upn) } });
    expect(loadSiteAccess({}, { EAP_SITE_URL: LOCAL, EAP_DEV_USER: "someone@example.org" }).access.signIn).toEqual({ kind: "dev", identity: devIdentity("someone@example.org") });
  });

  it("reads only what the chosen sign-in uses: a broken bot id does not stop a local seed", () => {
    expect(loadSiteAccess({ siteUrl: LOCAL }, { EAP_BOT_ID: "not-a-guid", EAP_CERT_THUMBPRINT: "zz" }).access.signIn.kind).toBe("dev");
  });

  it("signs in with device code elsewhere, through the tab's app unless EAP_SP_CLIENT_ID says otherwise", () => {
    expect(loadSiteAccess({ siteUrl: REMOTE }, { EAP_TENANT_ID: TENANT, EAP_TAB_CLIENT_ID: TAB }).access).toEqual({
      siteUrl: REMOTE,
      signIn: { kind: "device-code", tenantId: TENANT, clientId: TAB, siteUrl: REMOTE },
    });
    expect(loadSiteAccess({ siteUrl: REMOTE }, { EAP_TENANT_ID: TENANT, EAP_TAB_CLIENT_ID: TAB, EAP_SP_CLIENT_ID: BOT }).access.signIn).toMatchObject({ clientId: BOT });
  });

  it("signs in with a certificate as the bot's app unless EAP_SP_CLIENT_ID says otherwise", () => {
    const env = { EAP_TENANT_ID: TENANT, EAP_BOT_ID: BOT, EAP_CERT_KEY_PATH: "/keys/eap.pem", EAP_CERT_THUMBPRINT: SHA256 };
    const { access, warnings } = loadSiteAccess({ siteUrl: REMOTE, auth: "certificate" }, env);
    expect(access.signIn).toEqual({ kind: "certificate", tenantId: TENANT, clientId: BOT, siteUrl: REMOTE, privateKeyPath: "/keys/eap.pem", thumbprint: SHA256 });
    expect(warnings).toEqual([]);
    const sha1 = loadSiteAccess({ siteUrl: REMOTE, auth: "certificate" }, { ...env, EAP_CERT_THUMBPRINT: "ab".repeat(20) });
    expect(sha1.warnings.map((w) => w.setting)).toEqual(["EAP_CERT_THUMBPRINT"]);
  });

  it("lists every problem of a sign-in at once", () => {
    expect(problemsOf(() => loadSiteAccess({ siteUrl: REMOTE, auth: "certificate" }, { EAP_CERT_THUMBPRINT: "zz" }))).toEqual([
      "EAP_CERT_THUMBPRINT: must be the certificate's SHA-256 thumbprint (64 hex digits; a SHA-1 thumbprint of 40 is still accepted) (got \"zz\")",
      "EAP_TENANT_ID: is required for --auth certificate",
      "EAP_SP_CLIENT_ID: is required for --auth certificate: the app holding the certificate and the site grant (or set EAP_BOT_ID, the default)",
      "EAP_CERT_KEY_PATH: is required for --auth certificate",
    ]);
    expect(problemsOf(() => loadSiteAccess({ auth: "magic" }, {}))).toEqual([
      'EAP_AUTH: must be one of dev, device-code, certificate (got "magic" from --auth)',
      "EAP_SITE_URL: is required: pass --site URL or set EAP_SITE_URL",
    ]);
  });

  it("keeps the old meaning of EAP_CLIENT_ID in the CLI (the app that signs in), with a warning", () => {
    const { access, warnings } = loadSiteAccess({ siteUrl: REMOTE }, { EAP_TENANT_ID: TENANT, EAP_CLIENT_ID: BOT });
    expect(access.signIn).toMatchObject({ kind: "device-code", clientId: BOT });
    expect(warnings.map((w) => w.setting)).toEqual(["EAP_CLIENT_ID"]);
  });
});

describe("local identities", () => {
  it("a seeded person is found by sign-in name, mail or object id, and named by UPN and oid; anyone else gets a stable made-up id", () => {
    // Someone whose mail is not their sign-in name (a rename), as in any tenant.
    const p = SEED_PEOPLE.find((x) => x.mail && x.mail.toLowerCase() !== x.upn.toLowerCase())!;
    const expected = { upn: p.upn, name: p.name, oid: p.oid };
    for (const who of [p.upn.toUpperCase(), p.mail!, p.oid]) expect(devIdentity(who), who).toEqual(expected);
    const a = devIdentity("visitor@example.org");
    expect(a).toEqual(devIdentity("visitor@example.org"));
    expect(a.oid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(SEED_PEOPLE.map((x) => x.oid)).not.toContain(LOCAL_BOT_IDENTITY.oid);
  });
});

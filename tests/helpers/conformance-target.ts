/**
 * Where the conformance suite (tests/conformance) runs: a council's own test site when EAP_TEST_SITE_URL is set, so
 * that its IT can prove the product on its tenant, else the local SharePoint stand-in with the seeded cast.
 *
 *   EAP_TEST_SITE_URL     https://contoso.sharepoint.com/sites/eap-conformance  (a site for tests only)
 *   EAP_TENANT_ID, EAP_SP_CLIENT_ID, EAP_CERT_KEY_PATH, EAP_CERT_THUMBPRINT
 *                         the app's certificate sign-in (app-only); the app needs Sites.Selected fullcontrol on
 *                         that site (the suite provisions the lists)
 *   EAP_TEST_OFFICERS     two or more sign-in names (UPNs) of real people in the tenant, comma-separated; best
 *                         one whose UPN differs from their email and one without a mailbox, if the tenant has them
 *
 * Every item the suite writes carries its run's key and is deleted at the end; the lists stay (provisioned).
 */
import { spAuthFrom } from "../../src/data/auth/sp-auth.ts";
import { DevTokenAuth } from "../../src/data/auth/dev-token.ts";
import { devIdentity } from "../../src/config/local-identities.ts";
import { createSp, type SPFI } from "../../src/data/index.ts";
import { SEED_ADMINISTRATOR, SEED_UPNS } from "../../src/seed/people.ts";
import { SEED_DIRECTORY_BEFORE_DEPARTURES, startTestSharePoint } from "./local-sharepoint.ts";

export interface ConformanceTarget {
  /** "the local SharePoint stand-in (…)" or "the tenant site … (app-only certificate sign-in)": said in every test name. */
  label: string;
  tenant: boolean;
  siteUrl: string;
  sp: SPFI;
  /** Sign-in names of real people the plans may name. */
  officers: string[];
  /** A sign-in name in the tenant's domain that names nobody. */
  stranger: string;
  close(): Promise<void>;
}

const need = (name: string): string => {
  const v = process.env[name]?.trim();
  if (!v) throw new Error(`${name} is required when EAP_TEST_SITE_URL is set (see tests/helpers/conformance-target.ts and docs/deploy.md).`);
  return v;
};

export async function conformanceTarget(): Promise<ConformanceTarget> {
  const site = process.env.EAP_TEST_SITE_URL?.trim().replace(/\/+$/, "");
  if (site) {
    const officers = need("EAP_TEST_OFFICERS")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (officers.length < 2) throw new Error("EAP_TEST_OFFICERS must name at least two people (comma-separated sign-in names).");
    const auth = await spAuthFrom({
      kind: "certificate",
      tenantId: need("EAP_TENANT_ID"),
      clientId: process.env.EAP_SP_CLIENT_ID?.trim() || need("EAP_BOT_ID"),
      siteUrl: site,
      privateKeyPath: need("EAP_CERT_KEY_PATH"),
      thumbprint: need("EAP_CERT_THUMBPRINT"),
    });
    const domain = officers[0].split("@")[1];
    return {
      label: `the tenant site ${site} (app-only certificate sign-in)`,
      tenant: true,
      siteUrl: site,
      sp: createSp(site, auth),
      officers,
      stranger: `eap-conformance-nobody-${Date.now()}@${domain}`,
      close: async () => {},
    };
  }
  const t = await startTestSharePoint({ site: "conformance", directory: SEED_DIRECTORY_BEFORE_DEPARTURES });
  return {
    label: `the local SharePoint stand-in (${t.siteUrl}); set EAP_TEST_SITE_URL to run on a tenant`,
    tenant: false,
    siteUrl: t.siteUrl,
    // The site collection administrator: provisioning takes Full Control, and only owners and the app write the lists.
    sp: createSp(t.siteUrl, DevTokenAuth(devIdentity(SEED_ADMINISTRATOR.upn))),
    // The UPN that is not the mail, and the account without a mailbox, first.
    officers: [SEED_UPNS.housing, SEED_UPNS.welfare, SEED_UPNS.communications],
    stranger: "eap-conformance-nobody@example.org",
    close: () => t.close(),
  };
}

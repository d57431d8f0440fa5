/** The app package's settings (src/config/package-settings.ts): every problem at once, and the defaults it derives. */
import { describe, expect, it } from "vitest";
import { loadPackageSettings, placeholderValues } from "../../src/config/package-settings.ts";
import { SAMPLE_PACKAGE_ENV as SAMPLE_ENV } from "../helpers/sample-settings.ts";
import { configErrorOf } from "../helpers/config-error.ts";

const VERSION = { appVersion: "0.1.0" };

const problemsOf = configErrorOf;

describe("app package settings", () => {
  it("derives the SharePoint scope, the version and the developer's pages", () => {
    const s = loadPackageSettings({}, SAMPLE_ENV, VERSION);
    expect(s).toMatchObject({
      sharePointScope: "https://contoso.sharepoint.com/.default",
      appVersion: "0.1.0",
      developerName: "Equality Action Plan",
      websiteUrl: "https://eap.maidstone.example.gov.uk/",
      privacyUrl: "https://eap.maidstone.example.gov.uk/",
      termsUrl: "https://eap.maidstone.example.gov.uk/",
    });
    expect(placeholderValues(s)).toMatchObject({ TEAMS_APP_ID: SAMPLE_ENV.TEAMS_APP_ID, EAP_TAB_CLIENT_ID: SAMPLE_ENV.EAP_TAB_CLIENT_ID });
  });

  it("lists every missing or invalid setting at once, in the table's order", () => {
    const err = problemsOf(() => loadPackageSettings({}, { TEAMS_APP_ID: "not-a-guid", EAP_PUBLIC_HOST: "https://eap.example.gov.uk/tab", EAP_APP_VERSION: "1.0" }, VERSION));
    expect(err.problems.map((p) => p.setting)).toEqual(["TEAMS_APP_ID", "EAP_TAB_CLIENT_ID", "EAP_BOT_ID", "EAP_PUBLIC_HOST", "EAP_SHAREPOINT_SCOPE", "EAP_APP_VERSION"]);
    expect(err.message).toContain('must be a GUID (the Teams app id) (got "not-a-guid")');
    expect(err.problems.map((p) => p.reason)).toEqual(["invalid", "missing", "missing", "invalid", "missing", "invalid"]);
  });

  it("wants a real (https) SharePoint site", () => {
    const err = problemsOf(() => loadPackageSettings({}, { ...SAMPLE_ENV, EAP_SITE_URL: "http://127.0.0.1:4321/sites/edi" }, VERSION));
    expect(err.problems.map((p) => p.setting)).toEqual(["EAP_SITE_URL", "EAP_SHAREPOINT_SCOPE"]);
  });

  it("reads the old names of the tab's app (EAP_CLIENT_ID, --client-id) and of the site (--site-url), with warnings", () => {
    const { EAP_TAB_CLIENT_ID, EAP_SITE_URL, ...rest } = SAMPLE_ENV;
    const s = loadPackageSettings({ siteUrl: EAP_SITE_URL, flagsUsed: { siteUrl: "--site-url" } }, { ...rest, EAP_CLIENT_ID: EAP_TAB_CLIENT_ID }, VERSION);
    expect(s.tabClientId).toBe(EAP_TAB_CLIENT_ID);
    expect(s.sharePointScope).toBe("https://contoso.sharepoint.com/.default");
    expect(s.warnings.map((w) => w.setting)).toEqual(["EAP_CLIENT_ID", "--site-url"]);
  });
});

/** The production server's configuration: options > environment > defaults, and every problem listed at once. */
import { describe, expect, it } from "vitest";
import { LOCAL_BOT_IDENTITY } from "../../src/config/local-identities.ts";
import { loadServerConfig, tabConfigOf } from "../../src/config/server-config.ts";
import { SETTINGS } from "../../src/config/settings.ts";
import { configErrorOf } from "../helpers/config-error.ts";

const M365_ENV = {
  EAP_MODE: "m365",
  EAP_SITE_URL: "https://contoso.sharepoint.com/sites/equality/",
  EAP_PUBLIC_HOST: "eap.contoso.gov.uk",
  EAP_TENANT_ID: "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d",
  EAP_TAB_CLIENT_ID: "0f9e8d7c-6b5a-4433-8221-100f0e0d0c0b",
  EAP_BOT_ID: "5c1b7f0e-8a7d-4c55-9d1e-3f6a2b9c0d11",
  EAP_CERT_KEY_PATH: "/home/site/secrets/eap.pem",
  EAP_CERT_THUMBPRINT: "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
};

function problems(fn: () => unknown): { setting: string; message: string }[] {
  return fullProblems(fn).map(({ setting, message }) => ({ setting, message }));
}

function fullProblems(load: () => unknown): { setting: string; message: string; reason: string }[] {
  const err = configErrorOf(load);
  expect(err.reason).toBe("invalid-config");
  return err.problems;
}

describe("server configuration", () => {
  it("reads a complete m365 configuration with defaults for the rest", () => {
    const c = loadServerConfig({}, M365_ENV);
    expect(c).toMatchObject({
      mode: "m365",
      host: SETTINGS.host.default,
      port: 3978,
      siteUrl: "https://contoso.sharepoint.com/sites/equality",
      appBaseUrl: "https://eap.contoso.gov.uk",
      signIn: {
        kind: "certificate",
        tenantId: M365_ENV.EAP_TENANT_ID,
        clientId: M365_ENV.EAP_BOT_ID,
        siteUrl: "https://contoso.sharepoint.com/sites/equality",
        privateKeyPath: M365_ENV.EAP_CERT_KEY_PATH,
        thumbprint: M365_ENV.EAP_CERT_THUMBPRINT,
      },
      reminders: true,
      reminderSchedule: "0 9 * * 1-5",
      maxBodyBytes: 102400,
      botSkipAuth: false,
    });
    expect(tabConfigOf(c)).toEqual({
      mode: "m365",
      siteUrl: "https://contoso.sharepoint.com/sites/equality",
      clientId: M365_ENV.EAP_TAB_CLIENT_ID,
      tenantId: M365_ENV.EAP_TENANT_ID,
      appBaseUrl: "https://eap.contoso.gov.uk",
    });
  });

  it("options beat the environment, which beats defaults; App Service's PORT is honoured", () => {
    expect(loadServerConfig({}, { ...M365_ENV, PORT: "8080" }).port).toBe(8080);
    expect(loadServerConfig({}, { ...M365_ENV, PORT: "8080", EAP_PORT: "9000" }).port).toBe(9000);
    expect(loadServerConfig({ port: 0, host: "0.0.0.0" }, { ...M365_ENV, EAP_PORT: "9000" })).toMatchObject({ port: 0, host: "0.0.0.0" });
    expect(loadServerConfig({}, { ...M365_ENV, EAP_REMINDERS: "false", TEAMS_APP_ID: "11111111-1111-4111-8111-111111111111" })).toMatchObject({
      reminders: false,
      teamsAppId: "11111111-1111-4111-8111-111111111111",
    });
  });

  it("lists every missing m365 setting at once, named by environment variable", () => {
    expect(problems(() => loadServerConfig({}, { EAP_MODE: "m365" })).map((p) => p.setting)).toEqual([
      "EAP_SITE_URL",
      "EAP_PUBLIC_HOST",
      "EAP_TENANT_ID",
      "EAP_TAB_CLIENT_ID",
      "EAP_BOT_ID",
      "EAP_CERT_KEY_PATH",
      "EAP_CERT_THUMBPRINT",
    ]);
  });

  it("lists every malformed value at once, with the value (but never a secret)", () => {
    const p = problems(() =>
      loadServerConfig({}, {
        ...M365_ENV,
        EAP_SITE_URL: "contoso.sharepoint.com/sites/equality",
        EAP_PORT: "eighty",
        EAP_TENANT_ID: "contoso",
        EAP_CERT_THUMBPRINT: "zz",
        EAP_REMINDER_SCHEDULE: "every morning",
        EAP_LOG_LEVEL: "loud",
        EAP_MAX_BODY_BYTES: "10",
        EAP_EDI_CHANNEL: "19:abc@thread.tacv2",
        EAP_BOT_SECRET: "",
      }),
    );
    expect(p).toEqual([
      { setting: "EAP_PORT", message: 'must be a whole number (got "eighty")' },
      { setting: "EAP_SITE_URL", message: 'is not an absolute http(s) URL (got "contoso.sharepoint.com/sites/equality")' },
      { setting: "EAP_TENANT_ID", message: 'must be a GUID (the Entra tenant id) (got "contoso")' },
      { setting: "EAP_CERT_THUMBPRINT", message: "must be the certificate's SHA-256 thumbprint (64 hex digits; a SHA-1 thumbprint of 40 is still accepted) (got \"zz\")" },
      { setting: "EAP_REMINDER_SCHEDULE", message: 'is not a valid cron expression (five fields, e.g. 0 9 * * 1-5) (got "every morning")' },
      { setting: "EAP_MAX_BODY_BYTES", message: 'must be at least 1024 (got "10")' },
      { setting: "EAP_LOG_LEVEL", message: 'must be one of fatal, error, warn, info, debug, trace, silent (got "loud")' },
      expect.objectContaining({ setting: "EAP_EDI_SERVICE_URL" }),
      { setting: "EAP_SITE_URL", message: 'must be an https:// SharePoint Online site in m365 mode (got "contoso.sharepoint.com/sites/equality")' },
    ]);
    const secret = problems(() => loadServerConfig({}, { ...M365_ENV, EAP_MODE: "cloud", EAP_BOT_SECRET: "s3cr3t-value" }));
    expect(JSON.stringify(secret)).not.toContain("s3cr3t-value");
    expect(secret[0]).toEqual({ setting: "EAP_MODE", message: 'must be "m365" (a real tenant) or "local" (the local list server) (got "cloud")' });
  });

  it("refuses to skip bot authentication in m365 mode, under NODE_ENV=production, or with a bot id", () => {
    expect(problems(() => loadServerConfig({}, { ...M365_ENV, EAP_BOT_SKIP_AUTH: "true" }))).toEqual([
      { setting: "EAP_BOT_SKIP_AUTH", message: 'refused: the bot endpoint never skips authentication in m365 mode (got "true")' },
      { setting: "EAP_BOT_SKIP_AUTH", message: 'conflicts with EAP_BOT_ID: a configured bot validates every request (got "true")' },
    ]);
    const local = { EAP_MODE: "local", EAP_SITE_URL: "http://127.0.0.1:4321/sites/edi", EAP_BOT_SKIP_AUTH: "true" };
    expect(loadServerConfig({}, local).botSkipAuth).toBe(true);
    expect(problems(() => loadServerConfig({}, { ...local, NODE_ENV: "production" }))).toEqual([
      { setting: "EAP_BOT_SKIP_AUTH", message: 'refused: NODE_ENV is production; the bot endpoint never skips authentication in production (got "true")' },
    ]);
  });

  it("signs in to SharePoint as the app in m365 mode (EAP_SP_CLIENT_ID or the bot's app), as the local bot locally", () => {
    expect(loadServerConfig({}, { ...M365_ENV, EAP_SP_CLIENT_ID: "99999999-9999-4999-8999-999999999999" }).signIn).toMatchObject({
      kind: "certificate",
      clientId: "99999999-9999-4999-8999-999999999999",
    });
    expect(loadServerConfig({}, { EAP_MODE: "local", EAP_SITE_URL: "http://127.0.0.1:4321/sites/edi" }).signIn).toEqual({ kind: "dev", identity: LOCAL_BOT_IDENTITY });
  });

  it("keeps local mode on a loopback site", () => {
    expect(problems(() => loadServerConfig({}, { EAP_MODE: "local", EAP_SITE_URL: "https://contoso.sharepoint.com/sites/x" }))).toEqual([
      { setting: "EAP_SITE_URL", message: 'must be a loopback URL (the local list server) in local mode (got "https://contoso.sharepoint.com/sites/x")' },
    ]);
  });

  it("keeps local mode and skipped bot authentication on loopback (attacks: 0.0.0.0, a public address, 127.evil.example)", () => {
    const local = { EAP_MODE: "local", EAP_SITE_URL: "http://127.0.0.1:4321/sites/edi" };
    for (const host of ["0.0.0.0", "::", "10.0.0.4", "127.evil.example", "localhost.evil.example", "127.1"]) {
      for (const skip of ["true", "false"]) {
        const p = fullProblems(() => loadServerConfig({ host }, { ...local, EAP_BOT_SKIP_AUTH: skip }));
        expect(p, `${host} skip=${skip}`).toEqual([
          expect.objectContaining({ setting: "EAP_HOST", reason: "refused", message: expect.stringMatching(new RegExp(`^refused: not a loopback address, and local mode trusts unverified development tokens${skip === "true" ? " and EAP_BOT_SKIP_AUTH accepts unsigned bot activities" : ""}; .*\\(got "${host.replace(/\./g, "\\.")}" from --host\\)$`)) }),
        ]);
      }
    }
    for (const host of ["127.0.0.1", "127.0.0.2", "::1", "localhost"]) expect(loadServerConfig({ host }, { ...local, EAP_BOT_SKIP_AUTH: "true" }).host).toBe(host);
    // A real tenant may listen everywhere (App Service), since nothing there skips authentication.
    expect(loadServerConfig({}, { ...M365_ENV, EAP_HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
  });

  it("names where a bad value came from when it was not the setting's own variable", () => {
    expect(problems(() => loadServerConfig({}, { ...M365_ENV, PORT: "http" }))).toEqual([{ setting: "EAP_PORT", message: 'must be a whole number (got "http" from PORT)' }]);
    expect(problems(() => loadServerConfig({ port: "x" }, M365_ENV))).toEqual([{ setting: "EAP_PORT", message: 'must be a whole number (got "x" from --port)' }]);
  });

  it("reads the old names for one more release, with a warning naming the new one", () => {
    const { EAP_TAB_CLIENT_ID, ...rest } = M365_ENV;
    const c = loadServerConfig({}, { ...rest, EAP_CLIENT_ID: EAP_TAB_CLIENT_ID, EAP_TEAMS_APP_ID: "11111111-1111-4111-8111-111111111111" });
    expect(c.tabClientId).toBe(EAP_TAB_CLIENT_ID);
    expect(c.teamsAppId).toBe("11111111-1111-4111-8111-111111111111");
    expect(c.warnings.map((w) => w.setting)).toEqual(["EAP_CLIENT_ID", "EAP_TEAMS_APP_ID"]);
    expect(c.warnings[0].message).toMatch(/^is an old name: use EAP_TAB_CLIENT_ID instead\. It is still read, but not from release \d+\.\d+\.\d+\.$/);
    // The new name wins, and the old one is called out as ignored.
    const both = loadServerConfig({}, { ...M365_ENV, EAP_CLIENT_ID: "22222222-2222-4222-8222-222222222222" });
    expect(both.tabClientId).toBe(EAP_TAB_CLIENT_ID);
    expect(both.warnings[0].message).toMatch(/is ignored because EAP_TAB_CLIENT_ID is set/);
  });

  it("prefers the certificate's SHA-256 thumbprint and warns about SHA-1", () => {
    expect(loadServerConfig({}, M365_ENV).warnings).toEqual([]);
    const sha1 = loadServerConfig({}, { ...M365_ENV, EAP_CERT_THUMBPRINT: "0123456789abcdef0123456789abcdef01234567" });
    expect(sha1.signIn).toMatchObject({ kind: "certificate", thumbprint: "0123456789abcdef0123456789abcdef01234567" });
    expect(sha1.warnings).toEqual([{ setting: "EAP_CERT_THUMBPRINT", message: expect.stringMatching(/SHA-1 thumbprint, which MSAL deprecates/) }]);
  });
});

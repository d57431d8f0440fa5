/** `eap remind` reads the bot's identity under the server's names (src/config/remind-config.ts). */
import { describe, expect, it } from "vitest";
import { LOCAL_TAB_URL, loadRemindConfig } from "../../src/config/remind-config.ts";
import { configErrorOf } from "../helpers/config-error.ts";

const LOCAL = "http://127.0.0.1:4321/sites/edi";
const REMOTE = { EAP_SITE_URL: "https://contoso.sharepoint.com/sites/equality", EAP_AUTH: "certificate", EAP_TENANT_ID: "7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", EAP_CERT_KEY_PATH: "/k.pem", EAP_CERT_THUMBPRINT: "ab".repeat(32), EAP_PUBLIC_HOST: "eap.contoso.gov.uk" };
const BOT = { EAP_BOT_ID: "5c1b7f0e-8a7d-4c55-9d1e-3f6a2b9c0d11", EAP_BOT_SECRET: "s3cr3t" };
const run = { dryRun: false, ediDigest: false };

const settings = (load: () => unknown) => configErrorOf(load).problems.map((p) => p.setting);

describe("remind settings", () => {
  it("on the local site: no bot credentials, cards link to the development tab", () => {
    const c = loadRemindConfig({ siteUrl: LOCAL }, { ...BOT }, run);
    expect(c).toMatchObject({ local: true, appBaseUrl: LOCAL_TAB_URL, botId: undefined, botSecret: undefined, tenantId: undefined });
  });

  it("on a real site: the bot's identity, and links to the public host", () => {
    const c = loadRemindConfig({}, { ...REMOTE, ...BOT }, run);
    expect(c).toMatchObject({ local: false, appBaseUrl: "https://eap.contoso.gov.uk", botId: BOT.EAP_BOT_ID, botSecret: "s3cr3t", tenantId: REMOTE.EAP_TENANT_ID });
    expect(c.access.signIn).toMatchObject({ kind: "certificate", clientId: BOT.EAP_BOT_ID });
  });

  it("sending on a real site needs the bot's credentials; a dry run does not", () => {
    expect(settings(() => loadRemindConfig({}, REMOTE, run))).toEqual(["EAP_SP_CLIENT_ID", "EAP_BOT_ID", "EAP_BOT_SECRET"]);
    expect(loadRemindConfig({ spClientId: BOT.EAP_BOT_ID }, REMOTE, { ...run, dryRun: true }).botId).toBeUndefined();
  });

  it("reads the names `eap remind` used to, with warnings", () => {
    const c = loadRemindConfig(
      {},
      { ...REMOTE, EAP_BOT_CLIENT_ID: BOT.EAP_BOT_ID, EAP_BOT_CLIENT_SECRET: "s3cr3t", EAP_EDI_CONVERSATION_ID: "19:x@thread.tacv2", EAP_EDI_SERVICE_URL: "https://smba.trafficmanager.net/uk/" },
      run,
    );
    expect(c.botId).toBe(BOT.EAP_BOT_ID);
    expect(c.ediChannel).toEqual({ conversationId: "19:x@thread.tacv2", serviceUrl: "https://smba.trafficmanager.net/uk/" });
    expect(c.warnings.map((w) => w.setting).sort()).toEqual(["EAP_BOT_CLIENT_ID", "EAP_BOT_CLIENT_SECRET", "EAP_EDI_CONVERSATION_ID"]);
  });

  it("the EDI digest needs both the conversation and its service URL", () => {
    expect(settings(() => loadRemindConfig({ siteUrl: LOCAL }, { EAP_EDI_CHANNEL: "19:x@thread.tacv2" }, run))).toEqual(["EAP_EDI_SERVICE_URL"]);
    expect(settings(() => loadRemindConfig({ siteUrl: LOCAL }, {}, { ...run, ediDigest: true }))).toEqual(["EAP_EDI_CHANNEL"]);
  });

  it("without a public host or --app-url, a real site has nowhere to link to", () => {
    const { EAP_PUBLIC_HOST: _h, ...noHost } = REMOTE;
    expect(settings(() => loadRemindConfig({}, { ...noHost, ...BOT }, run))).toEqual(["EAP_APP_BASE_URL"]);
    expect(loadRemindConfig({ appUrl: "https://tab.example.gov.uk/" }, { ...noHost, ...BOT }, run).appBaseUrl).toBe("https://tab.example.gov.uk");
  });
});

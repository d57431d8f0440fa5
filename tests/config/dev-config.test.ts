/** `npm start`'s settings and the development tab's /eap-config.json (src/config/dev-config.ts). */
import { describe, expect, it } from "vitest";
import { devTabConfig, loadDevConfig } from "../../src/config/dev-config.ts";
import { configErrorOf } from "../helpers/config-error.ts";

describe("eap dev settings", () => {
  it("takes the ports from flags, then the environment, then the defaults", () => {
    expect(loadDevConfig({ tabPort: "0", playground: false }, { EAP_BOT_PORT: "4000" })).toMatchObject({
      dataDir: ".data",
      ports: { sharepoint: 4321, tab: 0, bot: 4000, playground: 56150 },
      playground: false,
    });
  });

  it("names a port that is not one (it used to become NaN)", () => {
    const err = configErrorOf(() => loadDevConfig({}, { EAP_SHAREPOINT_PORT: "http", EAP_TAB_PORT: "70000" }));
    expect(err.problems.map((p) => p.message)).toEqual(['must be a whole number (got "http")', 'must be at most 65535 (got "70000")']);
  });
});

describe("the development tab's runtime configuration", () => {
  it("is local by default, in the production server's shape", () => {
    expect(devTabConfig({ EAP_SITE_URL: "http://127.0.0.1:4321/sites/edi", EAP_APP_BASE_URL: "http://127.0.0.1:5173/" })).toEqual({
      mode: "local",
      siteUrl: "http://127.0.0.1:4321/sites/edi",
      appBaseUrl: "http://127.0.0.1:5173",
    });
  });

  it("passes the tab's app on, under its old name too", () => {
    expect(devTabConfig({ EAP_MODE: "m365", EAP_SITE_URL: "https://contoso.sharepoint.com/sites/x", EAP_CLIENT_ID: "0f9e8d7c-6b5a-4433-8221-100f0e0d0c0b" })).toMatchObject({
      mode: "m365",
      clientId: "0f9e8d7c-6b5a-4433-8221-100f0e0d0c0b",
    });
  });
});

/** Well-formed, made-up tenant settings for the tests of configuration, packaging and the server. */

/** What `eap package` needs (the Agents Toolkit's env file holds the same names). */
export const SAMPLE_PACKAGE_ENV = {
  TEAMS_APP_ID: "11111111-1111-4111-8111-111111111111",
  EAP_TAB_CLIENT_ID: "22222222-2222-4222-8222-222222222222",
  EAP_BOT_ID: "33333333-3333-4333-8333-333333333333",
  EAP_PUBLIC_HOST: "eap.maidstone.example.gov.uk",
  EAP_SITE_URL: "https://contoso.sharepoint.com/sites/equality",
};

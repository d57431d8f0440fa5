/**
 * The standard MSAL client, for a browser outside any host (the tab opened at its own address). Loaded only there:
 * a host with nested app authentication never needs it. Its popups and hidden iframes come back through the
 * redirect URI (msal-config.ts), where redirect-bridge.ts hands the answer to this page.
 *
 * It is msal-browser's own single-file build (lib/msal-browser.cjs, which carries its own msal-common), not the
 * ES modules the nested client is made of. Had both come from the same modules, the bundler would have kept every
 * module they share in the first view's chunk, with all of the standard client's parts of them: 13 kB (gzip) more
 * for every person in Teams to spare a few for the rare one outside it.
 */
import type * as Msal from "@azure/msal-browser";
import type { TokenClient } from "./sign-in.ts";

/** The development server serves ES modules as they are (no CommonJS): there it takes the package's own entry. */
async function loadMsal(): Promise<typeof Msal> {
  if (!import.meta.env.PROD) return import("@azure/msal-browser");
  // @ts-expect-error msal-browser's exports map hides its single-file build; its types are the package's own (Msal)
  const bundled: unknown = await import("../../../../node_modules/@azure/msal-browser/lib/msal-browser.cjs");
  return ((bundled as { default?: unknown }).default ?? bundled) as typeof Msal;
}

export async function createStandardClient(configuration: Msal.Configuration): Promise<TokenClient> {
  return (await loadMsal()).createStandardPublicClientApplication(configuration);
}

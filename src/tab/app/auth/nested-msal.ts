/**
 * MSAL's nested app authentication, on its own. msal-browser offers it only through
 * createNestablePublicClientApplication, which also carries the standard browser client it falls back to
 * (redirects, popups, hidden iframes: about 44 of its 72 kB gzip). Inside a host that brokers tokens none of that
 * runs, so the first view imports just the two classes the nested path is made of, from msal-browser's own build,
 * and the standard client is loaded only where there is no bridge (standard-msal.ts).
 *
 * These two paths are internal to msal-browser (its exports map does not list them; the lock file pins the
 * version). The browser test "signs in through the host's nested app authentication" runs them against a host
 * that speaks the bridge protocol, so an upgrade that moves or changes them fails there, not in production.
 */
import type { Configuration } from "@azure/msal-browser";
// @ts-expect-error msal-browser ships the declarations of these modules under types/, which its exports map hides
import { NestedAppAuthController } from "../../../../node_modules/@azure/msal-browser/dist/controllers/NestedAppAuthController.mjs";
// @ts-expect-error as above
import { NestedAppOperatingContext } from "../../../../node_modules/@azure/msal-browser/dist/operatingcontext/NestedAppOperatingContext.mjs";
import type { NestedAppAuthController as Controller } from "../../../../node_modules/@azure/msal-browser/types/controllers/NestedAppAuthController.js";
import type { NestedAppOperatingContext as OperatingContext } from "../../../../node_modules/@azure/msal-browser/types/operatingcontext/NestedAppOperatingContext.js";
import type { TokenClient } from "./sign-in.ts";

/** The nested client, or null when this page has no bridge to a host (then the standard client is needed). */
export async function createNestedClient(configuration: Configuration): Promise<TokenClient | null> {
  const context: OperatingContext = new (NestedAppOperatingContext as typeof OperatingContext)(configuration);
  if (!(await context.initialize())) return null;
  const controller: Controller = new (NestedAppAuthController as typeof Controller)(context);
  await controller.initialize();
  return controller;
}

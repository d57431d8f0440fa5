/**
 * The redirect URI's work: when Entra sends a sign-in answer to index.html (in the popup or the hidden iframe that
 * the standard client opened), hand it to the tab that asked (MSAL v5's redirect bridge) instead of starting the
 * tab a second time.
 */
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

export function finishSignIn(): Promise<void> {
  return broadcastResponseToMainFrame();
}

/**
 * Auth settings → the SharePoint auth behavior createSp() takes: the one place that knows how each kind of
 * sign-in becomes a bearer token, used by the operator CLI and by the production server (the bot). The callers
 * build the settings from their own options and environment.
 *
 * MSAL for Node is loaded only for device code and certificate: running locally, and the tab, never need it.
 * This module is therefore not exported from src/data/index.ts (the tab's bundle must not reach for MSAL).
 */
import { DevAppAuth, type DevAppIdentity, type DevIdentity, DevTokenAuth } from "./dev-token.ts";
import type { CertificateOptions, DeviceCodeOptions } from "./msal-node.ts";
import { type SpAuth, TokenAuth, type TokenProvider } from "./token-auth.ts";

export type SpAuthSettings =
  /** An unsigned development token: only the local list server accepts it. */
  | { kind: "dev"; identity: DevIdentity }
  /** An unsigned app-only token: the local list server only, with the rights of its site grant. */
  | { kind: "dev-app"; app: DevAppIdentity }
  /** Delegated: an administrator at a terminal, with their own rights. */
  | ({ kind: "device-code" } & DeviceCodeOptions)
  /** App-only: the app's certificate, with the rights its Sites.Selected grant gives it on the one site. */
  | ({ kind: "certificate" } & CertificateOptions)
  /** A token someone else acquires and renews (nested app authentication in Teams, a test). */
  | { kind: "token"; getToken: TokenProvider };

/**
 * Rejects when the settings cannot work at all, before any request: a certificate's key file that cannot be read
 * fails here (the server reports it at startup, not on the first reminder).
 */
export async function spAuthFrom(settings: SpAuthSettings): Promise<SpAuth> {
  switch (settings.kind) {
    case "dev":
      return DevTokenAuth(settings.identity);
    case "dev-app":
      return DevAppAuth(settings.app);
    case "token":
      return TokenAuth(settings.getToken);
    case "device-code": {
      const { deviceCodeProvider } = await import("./msal-node.ts");
      return TokenAuth(deviceCodeProvider(settings));
    }
    case "certificate": {
      const { certificateProvider } = await import("./msal-node.ts");
      return TokenAuth(certificateProvider(settings));
    }
  }
}

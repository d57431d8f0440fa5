/**
 * A stand-in for Entra ID's sign-in endpoints as a single-page application meets them (authority metadata, the
 * authorize endpoint in a popup or hidden iframe, the token endpoint), answered inside the browser for one browser
 * context. It keeps Entra's rules that matter to the tab: the redirect URI must be one registered for the app
 * (otherwise the answer is AADSTS50011 and no redirect), a silent request (prompt=none) without a session answers
 * `login_required`, and the id token carries the nonce of the request. What the tab sent is recorded.
 */
import type { BrowserContext, Route } from "playwright-core";

export interface EntraUser {
  oid: string;
  upn: string;
  name: string;
  tid: string;
}

export interface EntraOptions {
  clientId: string;
  user: EntraUser;
  /** SPA redirect URIs registered on the app registration; anything else is refused as Entra does. */
  redirectUris: string[];
  /** Access token handed out by the token endpoint (for the local SharePoint: a development token). */
  accessToken: string;
}

export interface AuthorizeRequest {
  params: URLSearchParams;
  /** Whether a popup window made it (window.opener set) or a frame. */
  silent: boolean;
}

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const HOST = "https://login.microsoftonline.com";

export async function entraSignIn(context: BrowserContext, o: EntraOptions) {
  const authorizeRequests: AuthorizeRequest[] = [];
  const nonces = new Map<string, string>();
  let session = false;

  const json = (route: Route, body: unknown, status = 200) =>
    route.fulfill({ status, contentType: "application/json", headers: { "Access-Control-Allow-Origin": "*" }, body: JSON.stringify(body) });

  await context.route(`${HOST}/**`, async (route) => {
    const url = new URL(route.request().url());
    const tenant = url.pathname.split("/")[1];
    if (url.pathname.endsWith("/.well-known/openid-configuration")) {
      return json(route, {
        issuer: `${HOST}/${o.user.tid}/v2.0`,
        authorization_endpoint: `${HOST}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${HOST}/${tenant}/oauth2/v2.0/token`,
        end_session_endpoint: `${HOST}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${HOST}/${tenant}/discovery/v2.0/keys`,
        response_modes_supported: ["query", "fragment", "form_post"],
      });
    }
    if (url.pathname.endsWith("/discovery/instance")) {
      return json(route, {
        tenant_discovery_endpoint: `${HOST}/${tenant}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [{ preferred_network: "login.microsoftonline.com", preferred_cache: "login.windows.net", aliases: ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"] }],
      });
    }
    if (url.pathname.endsWith("/oauth2/v2.0/authorize")) {
      const p = url.searchParams;
      const silent = p.get("prompt") === "none";
      authorizeRequests.push({ params: p, silent });
      const redirect = p.get("redirect_uri") ?? "";
      if (p.get("client_id") !== o.clientId || !o.redirectUris.includes(redirect)) {
        return route.fulfill({
          status: 400,
          contentType: "text/html",
          body: `<p>AADSTS50011: The redirect URI '${redirect}' specified in the request does not match the redirect URIs configured for the application '${p.get("client_id")}'.</p>`,
        });
      }
      const answer = new URLSearchParams({ state: p.get("state") ?? "" });
      if (silent && !session) {
        answer.set("error", "login_required");
        answer.set("error_description", "AADSTS50058: A silent sign-in request was sent but no user is signed in.");
      } else {
        session = true;
        const code = `code-${authorizeRequests.length}`;
        nonces.set(code, p.get("nonce") ?? "");
        answer.set("code", code);
        answer.set("client_info", b64url({ uid: o.user.oid, utid: o.user.tid }));
      }
      const sep = p.get("response_mode") === "query" ? "?" : "#";
      return route.fulfill({ status: 302, headers: { Location: `${redirect}${sep}${answer}` } });
    }
    if (url.pathname.endsWith("/oauth2/v2.0/token")) {
      if (route.request().method() === "OPTIONS") return route.fulfill({ status: 204, headers: { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*", "Access-Control-Allow-Methods": "POST" } });
      const form = new URLSearchParams(route.request().postData() ?? "");
      const now = Math.floor(Date.now() / 1000);
      const idToken = `${b64url({ alg: "none", typ: "JWT" })}.${b64url({
        aud: o.clientId,
        iss: `${HOST}/${o.user.tid}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        oid: o.user.oid,
        sub: o.user.oid,
        tid: o.user.tid,
        name: o.user.name,
        preferred_username: o.user.upn,
        nonce: nonces.get(form.get("code") ?? "") ?? "",
        ver: "2.0",
      })}.`;
      return json(route, {
        token_type: "Bearer",
        scope: form.get("scope") ?? "",
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: o.accessToken,
        id_token: idToken,
        client_info: b64url({ uid: o.user.oid, utid: o.user.tid }),
      });
    }
    return route.fulfill({ status: 404, body: "not found" });
  });

  return { authorizeRequests };
}

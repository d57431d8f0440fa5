/**
 * A stand-in for the Teams web client around the tab, for browser tests and the tab's benchmark: the page at
 * https://teams.microsoft.com/ that frames the tab and answers teams-js the way Teams does (initialize, getContext,
 * theme, meeting stage sharing) and the nested app authentication bridge (GetInitContext, GetToken, GetTokenPopup),
 * handing out the tokens the test gives it. The host page and Teams' CDN list of valid origins are answered inside
 * the browser (Chrome DevTools Protocol, Fetch domain), so Teams' own round trips cost no network, as in Teams where
 * the client is already loaded; everything the tab itself loads goes over the network.
 *
 * teams-js only talks to an https parent on a Microsoft host name, so the host really is served as
 * https://teams.microsoft.com; the tab stays on http://127.0.0.1 (a loopback origin, which Chromium lets an https
 * page frame). Frames must share the page's process for the interception and network emulation to cover them:
 * launch with TEAMS_HOST_BROWSER_ARGS.
 */
import type { CDPSession, Frame, Page } from "playwright-core";

export const TEAMS_HOST_URL = "https://teams.microsoft.com/_eap/host";
const CDN_PATTERN = "https://res.cdn.office.net/*";

/** Keeps cross-site frames in the page's process, so one CDP session sees (and throttles) the tab's requests. */
export const TEAMS_HOST_BROWSER_ARGS = ["--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process,LocalNetworkAccessChecks"];

export interface HostUser {
  oid: string;
  upn: string;
  name: string;
  tid: string;
}

export interface TeamsHostOptions {
  user: HostUser;
  /** Access token the host returns for any scope (nested app authentication). */
  accessToken: string;
  /** "content" (personal/channel tab), "sidePanel" or "meetingStage" (meetings), "settings" (configuration). */
  frameContext?: string;
  theme?: "default" | "dark" | "contrast";
  subEntityId?: string;
  meetingId?: string;
  /** The host supports nested app authentication (default true). */
  naa?: boolean;
  /** Silent token requests fail with "interaction required" until the tab asks interactively (GetTokenPopup). */
  interactionRequired?: boolean;
  /** The answer to meeting.shareAppContentToStage: null = shared, else the SdkError Teams returns. */
  shareToStageError?: { errorCode: number; message?: string } | null;
}

export interface TeamsHost {
  cdp: CDPSession;
  /** Loads the host page (free: answered in the browser) unless it is showing already. */
  ready(): Promise<void>;
  /** Frames the tab at tabUrl in the host page (replacing the tab framed before, as reopening the app does). */
  open(tabUrl: string): Promise<Frame>;
  /**
   * Functions the tab called on the host, in order ("initialize", "getContext", "nestedAppAuth.execute:GetToken",
   * "meeting.shareAppContentToStage:<url>").
   */
  calls(): Promise<string[]>;
  /** When the host last framed the tab (epoch ms, the browser's clock). */
  loadedAt(): Promise<number>;
}

function b64url(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString("base64url");
}

/** An unsigned id token as MSAL reads it (it decodes the claims and verifies nothing; the host vouches). */
export function idTokenFor(user: HostUser, clientId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    aud: clientId,
    iss: `https://login.microsoftonline.com/${user.tid}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    oid: user.oid,
    sub: user.oid,
    tid: user.tid,
    name: user.name,
    preferred_username: user.upn,
    login_hint: user.upn,
    ver: "2.0",
  };
  return `${b64url({ alg: "none", typ: "JWT" })}.${b64url(claims)}.`;
}

/** The legacy context object Teams posts in answer to getContext (teams-js maps it to app.Context). */
function legacyContext(o: TeamsHostOptions) {
  return {
    locale: "en-GB",
    theme: o.theme ?? "default",
    entityId: "my-actions",
    subEntityId: o.subEntityId,
    frameContext: o.frameContext ?? "content",
    hostClientType: "web",
    hostName: "Teams",
    userObjectId: o.user.oid,
    userPrincipalName: o.user.upn,
    loginHint: o.user.upn,
    userDisplayName: o.user.name,
    tid: o.user.tid,
    meetingId: o.meetingId,
    appSessionId: "00000000-0000-4000-8000-0000000000a5",
  };
}

function runtimeConfig(o: TeamsHostOptions) {
  return {
    apiVersion: 4,
    isNAAChannelRecommended: o.naa !== false,
    isLegacyTeams: false,
    supports: {
      app: {},
      appInitialization: {},
      pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
      meeting: { stage: {}, appShareButton: {} },
      teamsCore: {},
      ...(o.naa === false ? {} : { nestedAppAuth: {} }),
    },
  };
}

/** The host page: frames the tab and answers its messages. Runs in the browser; `cfg` is JSON from the test. */
function hostPage(cfg: unknown): string {
  const script = `
const cfg = ${JSON.stringify(cfg).replace(/</g, "\\u003c")};
window.__eapCalls = [];
let interactive = false;
const account = { homeAccountId: cfg.user.oid + "." + cfg.user.tid, environment: "login.microsoftonline.com", tenantId: cfg.user.tid,
  username: cfg.user.upn, localAccountId: cfg.user.oid, name: cfg.user.name };
function naa(req) {
  const base = { messageType: "NestedAppAuthResponse", requestId: req.requestId };
  if (req.method === "GetInitContext")
    return { ...base, success: true, initContext: { sdkName: "eap-teams-host", sdkVersion: "1.0.0", accountContext: { homeAccountId: account.homeAccountId, environment: account.environment, tenantId: account.tenantId }, capabilities: { queryAccount: false } } };
  if (req.method === "GetTokenPopup") interactive = true;
  if (cfg.interactionRequired && !interactive)
    return { ...base, success: false, error: { status: "USER_INTERACTION_REQUIRED", code: "interaction_required", description: "AADSTS65001: consent required" } };
  return { ...base, success: true, token: { access_token: cfg.accessToken, expires_in: 3600, id_token: cfg.idToken, scope: req.tokenParams.scope }, account };
}
window.addEventListener("message", (e) => {
  const frame = document.querySelector("iframe");
  if (!frame || e.source !== frame.contentWindow) return;
  const m = e.data;
  if (!m || typeof m !== "object" || typeof m.func !== "string") return;
  const reply = (args) => e.source.postMessage({ id: m.id, uuid: m.uuid, args }, e.origin);
  if (m.func === "nestedAppAuth.execute") {
    const req = JSON.parse(m.data);
    window.__eapCalls.push(m.func + ":" + req.method);
    reply([undefined, JSON.stringify(naa(req))]);
    return;
  }
  window.__eapCalls.push(m.func === "meeting.shareAppContentToStage" ? m.func + ":" + m.args[0] : m.func);
  if (m.func === "initialize") reply([cfg.context.frameContext, "web", "2.58.0", JSON.stringify(cfg.runtime)]);
  else if (m.func === "getContext") reply([cfg.context]);
  else if (m.func === "meeting.shareAppContentToStage") reply([cfg.shareToStageError, cfg.shareToStageError ? false : true]);
  else if (m.func === "appInitialization.success") reply([true]);
});
window.eapLoadTab = (url) => {
  window.__eapLoadAt = Date.now();
  document.querySelector("iframe")?.remove();
  const f = document.createElement("iframe");
  f.title = "Equality Action Plan";
  f.src = url;
  f.style.cssText = "border:0;width:100%;height:100vh";
  document.body.append(f);
};`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Teams</title></head><body style="margin:0"><script>${script}</script></body></html>`;
}

/** Teams' CDN answer for teams-js' list of valid host origins (teams-js falls back to a built-in list without it). */
const VALID_ORIGINS = JSON.stringify({ validOrigins: ["teams.microsoft.com", "*.teams.microsoft.com", "*.cloud.microsoft", "*.office.com", "*.microsoft365.com"] });

export async function teamsHost(page: Page, options: TeamsHostOptions & { clientId: string }): Promise<TeamsHost> {
  const cdp = await page.context().newCDPSession(page);
  const cfg = {
    user: options.user,
    accessToken: options.accessToken,
    idToken: idTokenFor(options.user, options.clientId),
    interactionRequired: options.interactionRequired ?? false,
    shareToStageError: options.shareToStageError ?? null,
    context: legacyContext(options),
    runtime: runtimeConfig(options),
  };
  const html = hostPage(cfg);
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: "https://teams.microsoft.com/*" }, { urlPattern: CDN_PATTERN }] });
  cdp.on("Fetch.requestPaused", (e: { requestId: string; request: { url: string } }) => {
    const isHost = e.request.url.startsWith("https://teams.microsoft.com/");
    const body = isHost ? html : VALID_ORIGINS;
    void cdp
      .send("Fetch.fulfillRequest", {
        requestId: e.requestId,
        responseCode: 200,
        responseHeaders: [
          { name: "Content-Type", value: isHost ? "text/html; charset=utf-8" : "application/json" },
          { name: "Access-Control-Allow-Origin", value: "*" },
          { name: "Cache-Control", value: "no-store" },
        ],
        body: Buffer.from(body).toString("base64"),
      })
      .catch(() => undefined);
  });
  const ready = async () => {
    if (page.url() !== TEAMS_HOST_URL) await page.goto(TEAMS_HOST_URL);
  };
  return {
    cdp,
    ready,
    async open(tabUrl: string): Promise<Frame> {
      await ready();
      await page.evaluate((u) => (window as unknown as { eapLoadTab(u: string): void }).eapLoadTab(u), tabUrl);
      const handle = await page.waitForSelector("iframe");
      const frame = await handle.contentFrame();
      if (!frame) throw new Error("the host did not frame the tab");
      return frame;
    },
    calls: () => page.evaluate(() => (window as unknown as { __eapCalls: string[] }).__eapCalls.slice()),
    loadedAt: () => page.evaluate(() => (window as unknown as { __eapLoadAt: number }).__eapLoadAt),
  };
}

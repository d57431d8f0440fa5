/**
 * The tab's runtime configuration, fetched from `./eap-config.json` at start (served by the vite dev plugin or the
 * production server). Validated so that a bad deployment shows what is wrong instead of a blank tab.
 *
 * Checked by hand rather than with zod: seven fields do not justify zod's ~14 kB (gzip) in the tab's first view,
 * which has a size budget. Every problem is reported at once, as zod would.
 */
export interface TabConfig {
  mode: "local" | "m365";
  siteUrl: string;
  clientId?: string;
  tenantId?: string;
  teamsAppId?: string;
  appBaseUrl?: string;
  /**
   * Where Entra sends the answer of a sign-in outside nested app authentication (popup, hidden iframe). It must be
   * registered on the app registration as a single-page application redirect URI, exactly. Default: index.html
   * beside the tab's page (`https://<host>/index.html`), which finishes the sign-in and closes.
   */
  redirectUri?: string;
}

function isAbsoluteUrl(v: unknown): v is string {
  if (typeof v !== "string") return false;
  try {
    return /^https?:$/.test(new URL(v).protocol);
  } catch {
    return false;
  }
}

/** Problems with a raw configuration, one sentence each, naming the field. */
export function tabConfigProblems(raw: unknown): string[] {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return ["(config): expected a JSON object"];
  const c = raw as Record<string, unknown>;
  const out: string[] = [];
  if (c.mode !== "local" && c.mode !== "m365") out.push('mode: mode must be "local" or "m365"');
  if (!isAbsoluteUrl(c.siteUrl)) out.push("siteUrl: siteUrl must be an absolute URL such as https://contoso.sharepoint.com/sites/edi");
  for (const k of ["clientId", "tenantId", "teamsAppId"] as const) {
    if (c[k] !== undefined && (typeof c[k] !== "string" || c[k] === "")) out.push(`${k}: ${k} must be a non-empty text when given`);
  }
  if (c.appBaseUrl !== undefined && !isAbsoluteUrl(c.appBaseUrl)) out.push("appBaseUrl: appBaseUrl must be an absolute URL");
  if (c.redirectUri !== undefined && !isAbsoluteUrl(c.redirectUri)) out.push("redirectUri: redirectUri must be an absolute URL, as registered on the app registration");
  if (c.mode === "m365" && !c.clientId) out.push("clientId: clientId is required in m365 mode");
  return out;
}

export class ConfigError extends Error {
  readonly reason: "unreachable" | "invalid";
  readonly details: string[];
  constructor(reason: "unreachable" | "invalid", message: string, details: string[] = []) {
    super(message);
    this.name = "ConfigError";
    this.reason = reason;
    this.details = details;
  }
}

export function parseTabConfig(raw: unknown): TabConfig {
  const details = tabConfigProblems(raw);
  if (details.length) throw new ConfigError("invalid", "The tab's configuration (eap-config.json) is not valid.", details);
  const c = raw as Record<string, string>;
  const out: TabConfig = { mode: c.mode as TabConfig["mode"], siteUrl: c.siteUrl.replace(/\/+$/, "") };
  for (const k of ["clientId", "tenantId", "teamsAppId", "appBaseUrl", "redirectUri"] as const) if (c[k] !== undefined) out[k] = c[k];
  return out;
}

export async function loadTabConfig(url = "./eap-config.json", fetchImpl: typeof fetch = fetch): Promise<TabConfig> {
  let res: Response;
  try {
    // The server answers with Cache-Control: no-store; index.html preloads this same request (same mode and
    // credentials), so start-up reuses that answer instead of asking again.
    res = await fetchImpl(url, { credentials: "same-origin" });
  } catch (err) {
    throw new ConfigError("unreachable", `Could not fetch ${url}: ${(err as Error).message}`);
  }
  if (!res.ok) throw new ConfigError("unreachable", `Could not fetch ${url}: HTTP ${res.status}.`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ConfigError("invalid", `${url} is not JSON.`);
  }
  return parseTabConfig(body);
}

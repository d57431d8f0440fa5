/**
 * Where the bot may send. The Teams SDK's HTTP client attaches the bot's bearer token to whatever service URL it
 * is given, so a service URL is checked when a conversation is captured and again before every request to it:
 * only Teams' Bot Connector hosts, exactly (https, default port, no user info), and in local mode loopback too.
 *
 * The hosts are those microsoft/teams.ts lists as each cloud's allowed service URLs
 * (packages/api/src/auth/cloud-environment.ts: public cloud, GCC, GCC High, DoD); see also
 * docs/bot.md "Hardening" and the proactive endpoints Microsoft documents for each cloud.
 */
export const TEAMS_SERVICE_HOSTS: readonly string[] = [
  // Public cloud (regional paths such as /amer/, /emea/, /teams/ sit under these hosts).
  "smba.trafficmanager.net",
  "smba.onyx.prod.teams.trafficmanager.net",
  // GCC (the public cloud preset of the Teams SDK allows it too).
  "smba.infra.gcc.teams.microsoft.com",
  // GCC High and DoD.
  "smba.infra.gov.teams.microsoft.us",
  "smba.infra.dod.teams.microsoft.us",
];

export interface ServiceUrlPolicy {
  /** Local mode only: the Agents Playground and test servers listen on loopback. */
  allowLoopback: boolean;
}

function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Why `url` may not receive the bot's token, or null when it may. */
export function serviceUrlProblem(url: string, policy: ServiceUrlPolicy): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url.slice(0, 200)}" is not a URL`;
  }
  const host = u.hostname.toLowerCase();
  if (u.username || u.password || u.search || u.hash) return `${u.origin} carries user info, a query or a fragment`;
  if (policy.allowLoopback && isLoopbackHost(host) && (u.protocol === "http:" || u.protocol === "https:")) return null;
  if (!TEAMS_SERVICE_HOSTS.includes(host)) return `${host} is not a Teams service host`;
  if (u.protocol !== "https:") return `${u.protocol}//${host} is not https`;
  if (u.port !== "") return `${host}:${u.port} is not on the default port`;
  return null;
}

export function isAllowedServiceUrl(url: string, policy: ServiceUrlPolicy): boolean {
  return serviceUrlProblem(url, policy) === null;
}

/**
 * Where the tab runs: Teams (personal, channel, meeting), Outlook or the Microsoft 365 app, or a plain browser.
 * Outside a host `app.initialize()` rejects at once at top level but never settles inside a foreign iframe, so it is
 * raced with a short timeout: the tab never hangs waiting for a host that is not there. teams-js is loaded only
 * when the page is framed (or opened by a host): standalone, it would only fetch its valid-domains list for nothing.
 */
import { type ThemeName, toThemeName } from "../lib/theme-name.ts";

export type { ThemeName };

export interface HostInfo {
  inTeams: boolean;
  hostName: string;
  frameContext: string | null;
  theme: ThemeName;
  subEntityId: string | null;
  /** The user's UPN as the host knows it (a login hint for sign-in). */
  loginHint: string | null;
  /** The signed-in person's Entra object id as the host knows it: whose copy of the first view may be shown. */
  userObjectId: string | null;
  /** The meeting the tab is open in (side panel, stage, meeting chat), else null. */
  meetingId: string | null;
}

export const HOST_INIT_TIMEOUT_MS = 1500;

/** A `?theme=` query (development and tests) stands in for the host's theme when there is no host. */
function themeFromQuery(): ThemeName | null {
  const q = new URLSearchParams(window.location.search).get("theme");
  return q ? toThemeName(q) : null;
}

export const STANDALONE: HostInfo = {
  inTeams: false,
  hostName: "browser",
  frameContext: null,
  theme: "default",
  subEntityId: null,
  loginHint: null,
  userObjectId: null,
  meetingId: null,
};

/** Framed by a page, or opened by one: a host may be there (teams-js can tell). */
export function mayBeHosted(): boolean {
  return window.parent !== window || !!window.opener;
}

/**
 * A `?meeting=` query (development: `npm start` prints the link) stands in for a meeting's id when there is no
 * host. Harmless: the server still checks the caller, and asks Teams, which knows the meeting or does not.
 */
function meetingFromQuery(): string | null {
  return new URLSearchParams(window.location.search).get("meeting") || null;
}

export async function detectHost(timeoutMs = HOST_INIT_TIMEOUT_MS): Promise<HostInfo> {
  const standalone = { ...STANDALONE, theme: themeFromQuery() ?? "default", meetingId: meetingFromQuery() };
  // A top-level window with no opener cannot be hosted: skip teams-js (and its network fetch) entirely.
  if (!mayBeHosted()) return standalone;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { app } = await import("./teams-sdk.ts");
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("host did not answer")), timeoutMs);
      }),
    ]);
    const ctx = await app.getContext();
    // Hosts that show a loading indicator wait for this; the others ignore it.
    try {
      app.notifySuccess();
    } catch {
      // an older host without the call
    }
    return {
      inTeams: true,
      hostName: String(ctx.app.host.name),
      frameContext: ctx.page.frameContext ? String(ctx.page.frameContext) : null,
      theme: themeFromQuery() ?? toThemeName(ctx.app.theme),
      subEntityId: ctx.page.subPageId ?? null,
      loginHint: ctx.user?.loginHint ?? ctx.user?.userPrincipalName ?? null,
      userObjectId: ctx.user?.id || null,
      meetingId: ctx.meeting?.id ?? null,
    };
  } catch {
    return standalone;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Follows the host's theme live (Teams settings change while the tab is open). */
export async function onHostThemeChange(host: HostInfo, handler: (theme: ThemeName) => void): Promise<void> {
  if (!host.inTeams) return;
  const { app } = await import("./teams-sdk.ts");
  app.registerOnThemeChangeHandler((t) => handler(toThemeName(t)));
}

/** The route a host context asks for: a deep link to an action, or the review in a meeting. */
export function initialRouteFor(host: HostInfo, routeFromSubEntity: (s: string | null) => string | null): string | null {
  if (host.frameContext === "sidePanel" || host.frameContext === "meetingStage") return "#/review";
  if (host.frameContext === "settings") return "#/config";
  return routeFromSubEntity(host.subEntityId);
}

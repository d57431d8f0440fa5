/**
 * Start-up as a state machine: configuration and host (in parallel), who is signing in, this device's copy of the
 * first view (shown at once when the host or the token names its owner), then the first read, which replaces it.
 *
 * Sign-in: local mode loads the development sign-in on demand; Microsoft 365 mode tries silently (nested app
 * authentication in a host, MSAL in the page outside one) and, when the person must act, waits for a click on
 * "Sign in". A read that says the person may no longer see the site (401/403) drops their copy; a network failure
 * keeps the copy on screen, marked with its age, with a way to try again.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { TokenProvider } from "../../data/auth/token-auth.ts";
import type { SPFI } from "../../data/create-sp.ts";
import { routeFromSubEntityId } from "../../domain/deep-links.ts";
import type { ApiClient } from "../lib/api-client.ts";
import { lazyApiClient } from "../lib/lazy-api-client.ts";
import { ConfigError, loadTabConfig, type TabConfig } from "../lib/config.ts";
import { type ThemeName, toThemeName } from "../lib/theme-name.ts";
import type { SignIn } from "./auth/sign-in.ts";
import { type CachedFirstView, clearFirstViews, dropFirstView, type FirstView, readFirstView as readCopy, saveFirstView } from "./first-view-cache.ts";
import { detectHost, type HostInfo, initialRouteFor, onHostThemeChange } from "./host.ts";
import { readFirstView, siteClient } from "./session.ts";

/** The development sign-in exists for local mode only: loaded on demand, never on the production path. */
export const loadDevSignIn = () => import("./dev-sign-in/index.ts");
const loadM365SignIn = () => import("./auth/m365-auth.ts");

export interface Freshness {
  state: "cached" | "fresh";
  readAt: string;
  refreshing: boolean;
  refreshError: unknown;
}

export type BootPhase =
  | { name: "starting" }
  | { name: "config-error"; error: ConfigError }
  | { name: "choose-person"; busy: string | null }
  | { name: "sign-in-required"; busy: boolean; error: unknown }
  | { name: "loading" }
  | { name: "error"; error: unknown }
  | { name: "ready"; view: FirstView; freshness: Freshness };

interface Identity {
  token: TokenProvider;
  /** For the app's own API (the server's writes); locally the same development token. */
  apiToken: TokenProvider;
  /** Entra object id of the person the token is for (the key of their copy). */
  oid: string | null;
}

const reasonOf = (e: unknown) => (e as { reason?: string } | null)?.reason;
const isSignInRequired = (e: unknown) => (e as { name?: string } | null)?.name === "SignInRequired";

export function useBoot() {
  const [phase, setPhase] = useState<BootPhase>({ name: "starting" });
  const [config, setConfig] = useState<TabConfig | null>(null);
  const [host, setHost] = useState<HostInfo | null>(null);
  const [theme, setTheme] = useState<ThemeName>(() => toThemeName(new URLSearchParams(window.location.search).get("theme")));
  const identity = useRef<Identity | null>(null);
  const signIn = useRef<SignIn | null>(null);
  const sp = useRef<SPFI | null>(null);
  const api = useRef<ApiClient | null>(null);
  const view = useRef<{ view: FirstView; freshness: Freshness } | null>(null);
  const reading = useRef<Promise<void> | null>(null);

  const show = useCallback((p: BootPhase) => {
    view.current = p.name === "ready" ? { view: p.view, freshness: p.freshness } : null;
    setPhase(p);
  }, []);

  /** This person's copy, shown at once (only for the person the host or the token names). */
  const showCopy = useCallback(
    (cfg: TabConfig, oid: string): CachedFirstView | null => {
      const copy = readCopy(cfg.siteUrl, oid);
      if (copy) show({ name: "ready", view: copy, freshness: { state: "cached", readAt: copy.savedAt, refreshing: true, refreshError: null } });
      return copy;
    },
    [show],
  );

  const read = useCallback(
    (cfg: TabConfig): Promise<void> => {
      reading.current ??= (async () => {
        const who = identity.current;
        const client = sp.current;
        if (!who || !client) return;
        const shown = view.current;
        if (shown) setPhase({ name: "ready", view: shown.view, freshness: { ...shown.freshness, refreshing: true, refreshError: null } });
        else show({ name: "loading" });
        try {
          const fresh = await readFirstView(client, shown?.view.me ?? null);
          if (identity.current !== who) return; // signed out or in as someone else meanwhile
          const at = new Date();
          if (who.oid) saveFirstView(cfg.siteUrl, who.oid, fresh, at);
          show({ name: "ready", view: fresh, freshness: { state: "fresh", readAt: at.toISOString(), refreshing: false, refreshError: null } });
        } catch (error) {
          if (identity.current !== who) return;
          const denied = reasonOf(error) === "unauthorized" || reasonOf(error) === "forbidden";
          if (denied && who.oid) dropFirstView(cfg.siteUrl, who.oid);
          if (isSignInRequired(error)) show({ name: "sign-in-required", busy: false, error: null });
          else if (shown && !denied) setPhase({ name: "ready", view: shown.view, freshness: { ...shown.freshness, refreshing: false, refreshError: error } });
          else show({ name: "error", error });
        }
      })().finally(() => {
        reading.current = null;
      });
      return reading.current;
    },
    [show],
  );

  const begin = useCallback(
    async (cfg: TabConfig, who: Identity) => {
      identity.current = who;
      sp.current = siteClient(cfg, () => who.token());
      api.current = lazyApiClient(() => who.apiToken());
      if (who.oid && view.current === null) showCopy(cfg, who.oid);
      await read(cfg);
    },
    [read, showCopy],
  );

  /** Microsoft 365: silently, or wait for a click. The host's copy may already be showing meanwhile. */
  const m365 = useCallback(
    async (cfg: TabConfig, h: HostInfo) => {
      if (h.userObjectId) showCopy(cfg, h.userObjectId);
      const s = await (await loadM365SignIn()).createM365SignIn(cfg, h.loginHint, h.inTeams);
      signIn.current = s;
      // Outside a host, MSAL's own session names the person (if any) before any token is asked for.
      const remembered = s.account()?.oid;
      if (!h.userObjectId && remembered) showCopy(cfg, remembered);
      try {
        await s.token();
      } catch (error) {
        show(isSignInRequired(error) ? { name: "sign-in-required", busy: false, error: null } : { name: "error", error });
        return;
      }
      const oid = s.account()?.oid ?? h.userObjectId;
      // The token is for someone other than the person whose copy is showing: that copy is not theirs to see.
      if (view.current && oid !== (h.userObjectId ?? remembered)) show({ name: "loading" });
      await begin(cfg, { token: () => s.token(), apiToken: () => s.apiToken(), oid });
    },
    [begin, show, showCopy],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [cfg, h] = await Promise.all([loadTabConfig().catch((e: unknown) => e as Error), detectHost()]);
      if (cancelled) return;
      if (!(cfg instanceof Error) && cfg) setConfig(cfg);
      setHost(h);
      setTheme(h.theme);
      void onHostThemeChange(h, setTheme);
      const route = initialRouteFor(h, routeFromSubEntityId);
      // Only over the default view: a hash the person chose (a link, a reload) wins over the host context.
      if (route && ["", "#/", "#/my", "#/my-actions"].includes(window.location.hash)) window.location.hash = route;
      if (cfg instanceof Error) {
        show({ name: "config-error", error: cfg instanceof ConfigError ? cfg : new ConfigError("invalid", String(cfg)) });
        return;
      }
      if (cfg.mode === "m365") return m365(cfg, h);
      const dev = await loadDevSignIn();
      const id = dev.localIdentity(dev.rememberedLocalUser() ?? "");
      if (id) await begin(cfg, { token: dev.localTokenProvider(id), apiToken: dev.localTokenProvider(id), oid: id.oid });
      else show({ name: "choose-person", busy: null });
    })().catch((error: unknown) => show({ name: "error", error }));
    return () => {
      cancelled = true;
    };
  }, [begin, m365, show]);

  // Development and tests only: simulate the host's theme change event without Teams.
  useEffect(() => {
    if (config?.mode !== "local") return;
    const onTheme = (e: Event) => setTheme(toThemeName((e as CustomEvent<string>).detail));
    window.addEventListener("eap:theme", onTheme);
    return () => window.removeEventListener("eap:theme", onTheme);
  }, [config]);

  /** Local mode's "Sign in as": `who` is the person's object id (people are identified by oid). */
  const chooseLocalPerson = useCallback(
    async (who: string) => {
      if (!config) return;
      const dev = await loadDevSignIn();
      const id = dev.localIdentity(who);
      if (!id) return;
      show({ name: "choose-person", busy: who });
      dev.rememberLocalUser(id.oid);
      await begin(config, { token: dev.localTokenProvider(id), apiToken: dev.localTokenProvider(id), oid: id.oid });
    },
    [config, begin, show],
  );

  /** From the "Sign in" button's click: the popup (or the host's prompt) is allowed because the person asked. */
  const signInInteractively = useCallback(async () => {
    const s = signIn.current;
    if (!config || !host || !s) return;
    show({ name: "sign-in-required", busy: true, error: null });
    try {
      await s.signInInteractively();
    } catch (error) {
      show({ name: "sign-in-required", busy: false, error });
      return;
    }
    await begin(config, { token: () => s.token(), apiToken: () => s.apiToken(), oid: s.account()?.oid ?? host.userObjectId });
  }, [config, host, begin, show]);

  /** Local mode: forget who was chosen and every copy of a first view on this device. */
  const signOut = useCallback(async () => {
    identity.current = null;
    sp.current = null;
    api.current = null;
    clearFirstViews();
    (await loadDevSignIn()).rememberLocalUser(null);
    show({ name: "choose-person", busy: null });
  }, [show]);

  const refresh = useCallback(
    (opts: { ifOlderThanMs?: number } = {}) => {
      const shown = view.current;
      if (!config || (shown && opts.ifOlderThanMs !== undefined && Date.now() - Date.parse(shown.freshness.readAt) < opts.ifOlderThanMs)) return;
      void read(config);
    },
    [config, read],
  );

  return { phase, config, host, theme, sp: sp.current, api: api.current, chooseLocalPerson, signInInteractively, signOut, refresh };
}

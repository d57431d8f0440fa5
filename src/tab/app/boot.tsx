/**
 * Start-up: configuration, host, sign-in, the first read; then the shell. Every step that can fail says what
 * happened and offers a way on (retry, sign in again); nothing waits forever on a host that is not there.
 */
import { Button, FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import type { TokenProvider } from "../../data/auth/token-auth.ts";
import { actionIdFromSubEntityId } from "../../domain/deep-links.ts";
import { LazyErrorPanel as ErrorPanel } from "../components/error-panel/lazy-error-panel.tsx";
import { ViewSkeleton } from "../components/view-skeleton/view-skeleton.tsx";
import { ConfigError, loadTabConfig, type TabConfig } from "../lib/config.ts";
import { type ThemeName, toThemeName } from "../lib/theme-name.ts";
import { detectHost, type HostInfo, initialRouteFor, onHostThemeChange } from "./host.ts";
import { forgetSession, type Session, startSession } from "./session.ts";
import { Shell } from "./shell.tsx";
import { loadTheme, themeIfLoaded } from "./theme.ts";

/**
 * The development sign-in (unsigned tokens for the seeded, fictional cast) exists for local mode only: it is loaded
 * on demand and never on the production path (dependency-cruiser: tab-dev-sign-in-only-on-demand).
 */
const loadDevSignIn = () => import("./dev-sign-in/index.ts");
const SignInView = lazy(() => loadDevSignIn().then((m) => ({ default: m.SignInView })));

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  centre: { padding: tokens.spacingHorizontalXXL, maxWidth: "48rem", margin: "0 auto" },
});

type Phase =
  | { name: "starting" }
  | { name: "config-error"; error: ConfigError }
  | { name: "signed-out"; busy: string | null; error?: unknown }
  | { name: "loading" }
  | { name: "error"; error: unknown }
  | { name: "ready"; session: Session };

/** `?now=` fixes the clock in local mode (tests and demos of a seeded plan); never in m365 mode. */
function clockFor(config: TabConfig): () => Date {
  const fixed = config.mode === "local" ? new URLSearchParams(window.location.search).get("now") : null;
  if (fixed && !Number.isNaN(Date.parse(fixed))) {
    const offset = Date.parse(fixed) - Date.now();
    return () => new Date(Date.now() + offset);
  }
  return () => new Date();
}

export function Boot() {
  const s = useStyles();
  const [config, setConfig] = useState<TabConfig | null>(null);
  const [host, setHost] = useState<HostInfo | null>(null);
  const [theme, setTheme] = useState<ThemeName>(() => toThemeName(new URLSearchParams(window.location.search).get("theme")));
  const [phase, setPhase] = useState<Phase>({ name: "starting" });
  const [who, setWho] = useState<string | null>(null);

  const begin = useCallback(async (cfg: TabConfig, token: TokenProvider, email: string | null) => {
    setPhase({ name: "loading" });
    try {
      const session = await startSession(cfg, token, email);
      setWho(session.me.email || email);
      setPhase({ name: "ready", session });
    } catch (error) {
      setPhase({ name: "error", error });
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      let cfg: TabConfig;
      try {
        cfg = await loadTabConfig();
      } catch (err) {
        setPhase({ name: "config-error", error: err instanceof ConfigError ? err : new ConfigError("invalid", String(err)) });
        return;
      }
      const h = await detectHost();
      if (cancelled) return;
      setConfig(cfg);
      setHost(h);
      setTheme(h.theme);
      void onHostThemeChange(h, setTheme);
      const route = initialRouteFor(h, actionIdFromSubEntityId);
      if (route && (window.location.hash === "" || window.location.hash === "#/" || window.location.hash === "#/my")) window.location.hash = route;
      if (cfg.mode === "local") {
        const dev = await loadDevSignIn();
        const remembered = dev.rememberedLocalUser();
        const id = remembered ? dev.localIdentity(remembered) : null;
        if (id) await begin(cfg, dev.localTokenProvider(id), id.upn);
        else setPhase({ name: "signed-out", busy: null });
      } else {
        try {
          const { createM365TokenProvider } = await import("./auth/m365-auth.ts");
          const token = await createM365TokenProvider({ clientId: cfg.clientId ?? "", tenantId: cfg.tenantId, siteUrl: cfg.siteUrl, loginHint: h.loginHint });
          await begin(cfg, token, h.loginHint);
        } catch (error) {
          setPhase({ name: "error", error });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [begin]);

  // Development and tests only: simulate the host's theme change event without Teams.
  useEffect(() => {
    if (config?.mode !== "local") return;
    const onTheme = (e: Event) => setTheme(toThemeName((e as CustomEvent<string>).detail));
    window.addEventListener("eap:theme", onTheme);
    return () => window.removeEventListener("eap:theme", onTheme);
  }, [config]);

  const signInAs = useCallback(
    async (email: string) => {
      if (!config || !host) return;
      const dev = await loadDevSignIn();
      const id = dev.localIdentity(email);
      if (!id) return;
      setPhase({ name: "signed-out", busy: email });
      dev.rememberLocalUser(email);
      await begin(config, dev.localTokenProvider(id), email);
    },
    [config, host, begin],
  );

  const signOut = useCallback(async () => {
    if (config && who) forgetSession(config.siteUrl, who);
    (await loadDevSignIn()).rememberLocalUser(null);
    setWho(null);
    setPhase({ name: "signed-out", busy: null });
  }, [config, who]);

  // The theme asked for applies once loaded; until then the previous one stays (no flash of unstyled content).
  const [applied, setApplied] = useState(() => ({ name: "default" as ThemeName, theme: themeIfLoaded("default")! }));
  useEffect(() => {
    let current = true;
    loadTheme(theme).then(
      (t) => current && setApplied({ name: theme, theme: t }),
      () => undefined, // a failed chunk load keeps the current theme: still readable
    );
    return () => {
      current = false;
    };
  }, [theme]);

  const now = useMemo(() => (config ? clockFor(config) : () => new Date()), [config]);

  let body: React.ReactNode;
  switch (phase.name) {
    case "starting":
    case "loading":
      body = (
        <div className={s.centre}>
          <ViewSkeleton label={phase.name === "starting" ? "Starting" : "Loading your actions"} />
        </div>
      );
      break;
    case "config-error":
      body = (
        <main className={s.centre}>
          <h1>The tab is not configured correctly</h1>
          <ErrorPanel error={{ reason: phase.error.reason, message: [phase.error.message, ...phase.error.details].join(" ") }} onRetry={() => window.location.reload()} />
          <ul>
            {phase.error.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </main>
      );
      break;
    case "signed-out":
      body = (
        <Suspense fallback={<ViewSkeleton label="Starting" />}>
          <SignInView onSignIn={signInAs} busy={phase.busy} />
        </Suspense>
      );
      break;
    case "error":
      body = (
        <main className={s.centre}>
          <h1>Could not open the action plan</h1>
          <ErrorPanel error={phase.error} onRetry={() => window.location.reload()} />
          {config?.mode === "local" && (
            <p>
              <Button onClick={() => void signOut()}>Sign in as someone else</Button>
            </p>
          )}
        </main>
      );
      break;
    case "ready":
      body = config && host && <Shell config={config} host={{ ...host, theme }} session={phase.session} now={now} onSignOut={config.mode === "local" ? () => void signOut() : undefined} />;
      break;
  }
  return (
    // The page background sits on an inner element: FluentProvider copies its own className onto every portal
    // (tooltips, popovers, listboxes), and a full-height background there would cover the whole page.
    <FluentProvider theme={applied.theme} data-theme={applied.name}>
      <div className={s.provider}>{body}</div>
    </FluentProvider>
  );
}

/**
 * The tab's root: the theme, and what start-up (use-boot.ts) has reached: a placeholder, what is wrong with the
 * configuration, the sign-in (the seeded cast in local mode, a "Sign in" button in Microsoft 365 mode), the error
 * with a way on, or the shell. Nothing waits forever on a host that is not there.
 */
import { Button, FluentProvider } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { LazyErrorPanel as ErrorPanel } from "../components/error-panel/lazy-error-panel.tsx";
import { ViewSkeleton } from "../components/view-skeleton/view-skeleton.tsx";
import type { TabConfig } from "../lib/config.ts";
import type { ThemeName } from "../lib/theme-name.ts";
import { useBootStyles } from "./boot.styles.ts";
import { Shell } from "./shell.tsx";
import { loadTheme, themeIfLoaded } from "./theme.ts";
import { loadDevSignIn, useBoot } from "./use-boot.ts";

const ChoosePerson = lazy(() => loadDevSignIn().then((m) => ({ default: m.SignInView })));
const SignInPrompt = lazy(() => import("./sign-in-prompt.tsx").then((m) => ({ default: m.SignInPrompt })));

/** `?now=` fixes the clock in local mode (tests and demos of a seeded plan); never in m365 mode. */
function clockFor(config: TabConfig | null): () => Date {
  const fixed = config?.mode === "local" ? new URLSearchParams(window.location.search).get("now") : null;
  if (fixed && !Number.isNaN(Date.parse(fixed))) {
    const offset = Date.parse(fixed) - Date.now();
    return () => new Date(Date.now() + offset);
  }
  return () => new Date();
}

/** The theme asked for applies once loaded; until then the previous one stays (no flash of unstyled content). */
function useAppliedTheme(theme: ThemeName) {
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
  return applied;
}

export function Boot() {
  const s = useBootStyles();
  const boot = useBoot();
  const { phase, config, host } = boot;
  const applied = useAppliedTheme(boot.theme);
  const now = useMemo(() => clockFor(config), [config]);

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
          <h1 className={s.h1}>The tab is not configured correctly</h1>
          <ErrorPanel error={{ reason: phase.error.reason, message: [phase.error.message, ...phase.error.details].join(" ") }} onRetry={() => window.location.reload()} />
          <ul>
            {phase.error.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </main>
      );
      break;
    case "choose-person":
      body = <ChoosePerson onSignIn={(oid: string) => void boot.chooseLocalPerson(oid)} busy={phase.busy} />;
      break;
    case "sign-in-required":
      body = <SignInPrompt busy={phase.busy} error={phase.error} onSignIn={() => void boot.signInInteractively()} />;
      break;
    case "error":
      body = (
        <main className={s.centre}>
          <h1 className={s.h1}>Could not open the action plan</h1>
          <ErrorPanel error={phase.error} onRetry={() => window.location.reload()} />
          {config?.mode === "local" && (
            <p>
              <Button onClick={() => void boot.signOut()}>Sign in as someone else</Button>
            </p>
          )}
        </main>
      );
      break;
    case "ready":
      body = config && host && boot.sp && boot.api && (
        <Shell
          config={config}
          host={{ ...host, theme: boot.theme }}
          sp={boot.sp}
          api={boot.api}
          view={phase.view}
          freshness={phase.freshness}
          onRefresh={boot.refresh}
          now={now}
          onSignOut={config.mode === "local" ? () => void boot.signOut() : undefined}
        />
      );
      break;
  }
  return (
    // The page background sits on an inner element: FluentProvider copies its own className onto every portal
    // (tooltips, popovers, listboxes), and a full-height background there would cover the whole page.
    <FluentProvider theme={applied.theme} data-theme={applied.name}>
      <div className={s.provider}>
        <Suspense fallback={<ViewSkeleton label="Starting" />}>{body}</Suspense>
      </div>
    </FluentProvider>
  );
}

/**
 * The signed-in tab: header (plan, person), the navigation and the routed view, both from the one route table
 * (routes.tsx), and the polite live region that `announce()` speaks through. Provides the app context that
 * features read.
 */
import { Button, Link, Text } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isMember as isMemberOf } from "../../data/members/repository.ts";
import { getPlans } from "../../data/plans/repository.ts";
import { type AppContextValue, AppContextProvider, defaultPlan } from "../lib/app-context.tsx";
import type { TabConfig } from "../lib/config.ts";
import { LazyErrorPanel as ErrorPanel } from "../components/error-panel/lazy-error-panel.tsx";
import { ViewSkeleton } from "../components/view-skeleton/view-skeleton.tsx";
import type { HostInfo } from "./host.ts";
import { matchRoute, mayOpen, ROUTES, refusal, type RouteMatch, type Viewer } from "./routes.tsx";
import type { Session } from "./session.ts";
import { useShellStyles } from "./shell.styles.ts";

const PlanPicker = lazy(() => import("../components/plan-picker/plan-picker.tsx"));

export interface ShellProps {
  config: TabConfig;
  host: HostInfo;
  session: Session;
  now: () => Date;
  onSignOut?: () => void;
}

function useHashRoute(): RouteMatch {
  const [match, setMatch] = useState(() => matchRoute(window.location.hash));
  useEffect(() => {
    const on = () => setMatch(matchRoute(window.location.hash));
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return match;
}

export function Shell({ config, host, session, now, onSignOut }: ShellProps) {
  const s = useShellStyles();
  const match = useHashRoute();
  const [planId, setPlanId] = useState<number | null>(null);
  const [plans, setPlans] = useState(session.plans);
  const reloadPlans = useCallback(async () => setPlans(await getPlans(session.sp)), [session.sp]);
  const [message, setMessage] = useState("");
  const mainRef = useRef<HTMLElement>(null);
  const announceTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const announce = useCallback((m: string) => {
    // Clear first so that the same sentence twice is announced twice.
    setMessage("");
    clearTimeout(announceTimer.current);
    announceTimer.current = setTimeout(() => setMessage(m), 50);
  }, []);
  const navigate = useCallback((r: string) => {
    window.location.hash = r.startsWith("#") ? r : `#${r}`;
  }, []);

  const isMember = isMemberOf(session.members, session.me.id);
  const viewer: Viewer = useMemo(
    () => ({ isMember, isLead: session.members.some((m) => m.person.id === session.me.id && m.role === "equalities-lead") }),
    [isMember, session],
  );
  const plan = useMemo(() => plans.find((p) => p.id === planId) ?? defaultPlan(plans), [plans, planId]);
  const value: AppContextValue = useMemo(
    () => ({
      config,
      sp: session.sp,
      me: session.me,
      members: session.members,
      isMember,
      plans,
      plan,
      setPlan: setPlanId,
      reloadPlans,
      now,
      host: { inTeams: host.inTeams, hostName: host.hostName, frameContext: host.frameContext, theme: host.theme },
      navigate,
      announce,
      initialMyActions: session.myActions,
    }),
    [config, session, isMember, plans, plan, reloadPlans, now, host, navigate, announce],
  );

  useEffect(() => {
    document.title = `${match.route?.title ?? "Not found"} – Equality Action Plan`;
  }, [match.route]);

  const nav = ROUTES.filter((r) => r.nav && mayOpen(r, viewer));

  return (
    <AppContextProvider value={value}>
      {/* A button, not a link: "#main" would be read as a route by the hash router. */}
      <button type="button" className={s.skip} onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <header className={s.header}>
        <Text className={s.appName}>Equality Action Plan</Text>
        {session.plans.length > 1 && (
          <Suspense fallback={<Text>{plan?.title}</Text>}>
            <PlanPicker plans={plans} value={plan?.id ?? null} onChange={setPlanId} />
          </Suspense>
        )}
        <Text>Signed in as {session.me.name}</Text>
        {onSignOut && (
          <Button appearance="subtle" onClick={onSignOut}>
            Sign out
          </Button>
        )}
      </header>
      <nav className={s.nav} aria-label="Views">
        <ul className={s.navList}>
          {nav.map((r) => {
            const active = match.route === r;
            return (
              <li key={r.path}>
                <Link href={`#${r.path}`} aria-current={active ? "page" : undefined} className={active ? s.current : undefined}>
                  {r.nav}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1} className={s.main}>
        <Suspense fallback={<ViewSkeleton label="Loading the view" />}>
          <RouteView match={match} viewer={viewer} />
        </Suspense>
      </main>
      <div role="status" aria-live="polite" aria-atomic="true" className={s.visuallyHidden} data-testid="live-region">
        {message}
      </div>
    </AppContextProvider>
  );
}

function RouteView({ match, viewer }: { match: RouteMatch; viewer: Viewer }) {
  if (!match.route) return <ErrorPanel error={{ reason: "not-found", message: `There is no page at #${match.path}.` }} />;
  if (!mayOpen(match.route, viewer)) return <ErrorPanel error={{ reason: "forbidden", message: refusal(match.route) }} />;
  return match.route.render(match.params);
}

/**
 * The signed-in tab: header (plan, person), the navigation and the routed view, both from the one route table
 * (routes.tsx), and the polite live region that `announce()` speaks through. Provides the app context that
 * features read.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { SPFI } from "../../data/create-sp.ts";
import { isMember as isMemberOf } from "../../data/members/repository.ts";
import { getPlans } from "../../data/plans/repository.ts";
import { type AppContextValue, AppContextProvider, defaultPlan, type MyActionsState } from "../lib/app-context.tsx";
import type { ApiClient } from "../lib/api-client.ts";
import type { TabConfig } from "../lib/config.ts";
import { LazyErrorPanel as ErrorPanel } from "../components/error-panel/lazy-error-panel.tsx";
import { ViewSkeleton } from "../components/view-skeleton/view-skeleton.tsx";
import type { FirstView } from "./first-view-cache.ts";
import type { HostInfo } from "./host.ts";
import { matchRoute, mayOpen, ROUTES, refusal, type RouteMatch, type Viewer } from "./routes.tsx";
import { ShellHeader } from "./shell-header.tsx";
import { useShellStyles, useShellStaticStyles } from "./shell.styles.ts";
import type { Freshness } from "./use-boot.ts";

export interface ShellProps {
  config: TabConfig;
  host: HostInfo;
  sp: SPFI;
  /** The server's write API, as the signed-in person. */
  api: ApiClient;
  /** The first view: this device's copy until the first read replaces it (freshness says which). */
  view: FirstView;
  freshness: Freshness;
  onRefresh(opts?: { ifOlderThanMs?: number }): void;
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

export function Shell({ config, host, sp, api, view, freshness, onRefresh, now, onSignOut }: ShellProps) {
  const s = useShellStyles();
  useShellStaticStyles();
  const match = useHashRoute();
  const [planId, setPlanId] = useState<number | null>(null);
  const [plans, setPlans] = useState(view.plans);
  useEffect(() => setPlans(view.plans), [view.plans]);
  const reloadPlans = useCallback(async () => setPlans(await getPlans(sp)), [sp]);
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

  const isMember = isMemberOf(view.members, view.me.id);
  const isLead = view.members.some((m) => m.person.id === view.me.id && m.role === "equalities-lead");
  const viewer: Viewer = useMemo(
    () => ({ isMember, isLead }),
    [isMember, isLead],
  );
  const myActions: MyActionsState = useMemo(
    () => ({
      actions: view.myActions,
      freshness: freshness.state,
      readAt: freshness.readAt,
      refreshing: freshness.refreshing,
      refreshError: freshness.refreshError,
      refresh: onRefresh,
    }),
    [view.myActions, freshness, onRefresh],
  );
  const plan = useMemo(() => plans.find((p) => p.id === planId) ?? defaultPlan(plans), [plans, planId]);
  const value: AppContextValue = useMemo(
    () => ({
      config,
      sp,
      api,
      me: view.me,
      members: view.members,
      isMember,
      isLead,
      plans,
      plan,
      setPlan: setPlanId,
      reloadPlans,
      now,
      host: { inTeams: host.inTeams, hostName: host.hostName, frameContext: host.frameContext, theme: host.theme, meetingId: host.meetingId },
      navigate,
      announce,
      myActions,
    }),
    [config, sp, api, view, isMember, isLead, plans, plan, reloadPlans, now, host, navigate, announce, myActions],
  );

  useEffect(() => {
    document.title = `${match.route?.title ?? "Not found"} – Equality Action Plan`;
  }, [match.route]);

  // Once the first view is fresh and the page idle, fetch the code the next click most likely needs (opening an
  // action, the plan): it never competes with the first view for a slow link.
  const fresh = freshness.state === "fresh";
  useEffect(() => {
    if (!fresh) return;
    const preload = () => {
      for (const r of ROUTES) if (r.likelyNext) void r.preload().catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(preload, { timeout: 5000 });
      return () => window.cancelIdleCallback(id);
    }
    const t = setTimeout(preload, 2000);
    return () => clearTimeout(t);
  }, [fresh]);

  const nav = ROUTES.filter((r) => r.nav && mayOpen(r, viewer));

  return (
    <AppContextProvider value={value}>
      {/* A button, not a link: "#main" would be read as a route by the hash router. */}
      <button type="button" className={s.skip} onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <ShellHeader
        plans={plans}
        plan={plan}
        onPlan={setPlanId}
        name={view.me.name}
        nav={nav}
        current={match.route}
        path={match.path}
        onSignOut={onSignOut}
        showBadges={fresh}
      />
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

/**
 * The signed-in tab: header (plan, person), navigation, the routed view and the polite live region that
 * `announce()` speaks through. Views after the first are code-split (React.lazy) to keep the first load small.
 */
import { Button, Link, makeStyles, Text, tokens, typographyStyles } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isMember as isMemberOf } from "../../data/members/repository.ts";
import { getPlans } from "../../data/plans/repository.ts";
import { LazyErrorPanel as ErrorPanel } from "../components/error-panel/lazy-error-panel.tsx";
import { ViewSkeleton } from "../components/view-skeleton/view-skeleton.tsx";
import { MyActionsView } from "../features/my-actions/my-actions-view.tsx";
import { type AppContextValue, AppContextProvider, defaultPlan } from "./app-context.tsx";
import type { TabConfig } from "./config.ts";
import { FEATURE_PAGES } from "./feature-pages.ts";
import type { HostInfo } from "./host.ts";
import { parseRoute, type Route } from "./routes.ts";
import type { Session } from "./session.ts";

const PlanPicker = lazy(() => import("../components/plan-picker/plan-picker.tsx"));
const PlanView = lazy(() => import("../features/plan/plan-view.tsx"));
const ActionView = lazy(() => import("../features/action/action-view.tsx"));
const DueView = lazy(() => import("../features/due/due-view.tsx"));
const ConfigView = lazy(() => import("../features/config/config-view.tsx"));

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  appName: { ...typographyStyles.subtitle2, marginRight: "auto" },
  nav: { padding: `0 ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground1 },
  navList: { listStyleType: "none", display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, margin: 0, padding: `${tokens.spacingVerticalS} 0` },
  current: { fontWeight: tokens.fontWeightBold, textDecorationLine: "underline" },
  main: { padding: tokens.spacingHorizontalL, maxWidth: "72rem" },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  skip: {
    position: "absolute",
    left: "-10000px",
    ":focus": { position: "static", left: "auto" },
  },
});

export interface ShellProps {
  config: TabConfig;
  host: HostInfo;
  session: Session;
  now: () => Date;
  onSignOut?: () => void;
}

function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}

export function Shell({ config, host, session, now, onSignOut }: ShellProps) {
  const s = useStyles();
  const route = useHashRoute();
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
    }),
    [config, session, isMember, plans, plan, reloadPlans, now, host, navigate, announce],
  );

  const nav = [
    { href: "#/my", label: "My actions", active: route.name === "my" },
    { href: "#/plan", label: "Plan", active: route.name === "plan" },
    ...(isMember ? [{ href: "#/due", label: "Due and overdue", active: route.name === "due" }] : []),
    ...FEATURE_PAGES.filter((p) => !p.membersOnly || isMember).map((p) => ({
      href: `#/${p.feature}`,
      label: p.label,
      active: route.name === "feature" && route.feature === p.feature,
    })),
  ];

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
        {plan?.demonstration && <Text weight="semibold">Demonstration plan</Text>}
        <Text>Signed in as {session.me.name}</Text>
        {onSignOut && (
          <Button appearance="subtle" onClick={onSignOut}>
            Sign out
          </Button>
        )}
      </header>
      <nav className={s.nav} aria-label="Views">
        <ul className={s.navList}>
          {nav.map((n) => (
            <li key={n.href}>
              <Link href={n.href} aria-current={n.active ? "page" : undefined} className={n.active ? s.current : undefined}>
                {n.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1} className={s.main}>
        <Suspense fallback={<ViewSkeleton label="Loading the view" />}>
          <RouteView route={route} session={session} isMember={isMember} />
        </Suspense>
      </main>
      <div role="status" aria-live="polite" aria-atomic="true" className={s.visuallyHidden} data-testid="live-region">
        {message}
      </div>
    </AppContextProvider>
  );
}

function RouteView({ route, session, isMember }: { route: Route; session: Session; isMember: boolean }) {
  switch (route.name) {
    case "my":
      return <MyActionsView initial={session.myActions} />;
    case "plan":
      return <PlanView />;
    case "action":
      return <ActionView id={route.id} />;
    case "due":
      return <DueView />;
    case "config":
      return <ConfigView />;
    case "feature": {
      const page = FEATURE_PAGES.find((p) => p.feature === route.feature);
      if (page && (!page.membersOnly || isMember)) return <page.Component />;
      if (page) return <ErrorPanel error={{ reason: "forbidden", message: `The ${page.label} page is for the equalities lead and the EDI group.` }} />;
      return <ErrorPanel error={{ reason: "not-found", message: `There is no page at #/${route.feature}.` }} />;
    }
    case "not-found":
      return <ErrorPanel error={{ reason: "not-found", message: `There is no page at #${route.path}.` }} />;
  }
}

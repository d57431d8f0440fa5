/**
 * The tab's one route table: every view, the hash path it answers, who may see it, its title and its place in the
 * navigation. The shell builds both its navigation and its routing from this table alone, and only this module
 * imports features (dependency-cruiser: tab-features-only-through-routes). My actions, the first view, is in the
 * first bundle; every other view is split off, loaded when first opened, and `preload` fetches it ahead of a click.
 */
import { type ComponentType, lazy, type ReactElement, Suspense } from "react";
import { ViewSkeleton } from "../components/view-skeleton/view-skeleton.tsx";
import type { ActionMeasuresSlot } from "../features/action/action-measures-section.tsx";
import type { DashboardIndicatorsSlot } from "../features/dashboard/dashboard-view.tsx";
import { MyActionsView } from "../features/my-actions/my-actions-view.tsx";

/** Who may open a view: everyone signed in, the EDI group (which includes the equalities lead), or the lead alone. */
export type Access = "everyone" | "edi-group" | "equalities-lead";

export interface RouteDef {
  /** Hash path: "/plan"; a ":name" segment is a parameter, digits only (ids are SharePoint item ids). */
  path: string;
  title: string;
  /** Label in the navigation; without it the view is reached by links only. */
  nav?: string;
  access: Access;
  render(params: Readonly<Record<string, string>>): ReactElement;
  /** Starts loading the view's code; resolves when it is there. */
  preload(): Promise<unknown>;
  /** What the next click from My actions most likely needs: loaded as soon as the first view is idle. */
  likelyNext?: boolean;
  /** Shown after the navigation label (split off like the views), e.g. the count of updates awaiting approval. */
  navBadge?: ComponentType;
  /** Other paths that open this view (links already published, such as the app manifest's static tabs). */
  aliases?: readonly string[];
}

/** A view split off from the first bundle: React.lazy over the same import that preload() starts. */
function splitView<P extends object>(load: () => Promise<{ default: React.ComponentType<P> }>) {
  let started: Promise<{ default: React.ComponentType<P> }> | undefined;
  const preload = () => {
    started ??= load();
    return started;
  };
  return { View: lazy(preload), preload };
}

/**
 * Several views of one feature from ONE import (one chunk, one entry in the first bundle's table of chunks): each
 * view is a splitView over the same module, picked by its export's name.
 */
function featureViews<M>(load: () => Promise<M>) {
  let started: Promise<M> | undefined;
  const module = () => {
    started ??= load();
    return started;
  };
  type PropsOf<K extends keyof M> = M[K] extends React.ComponentType<infer P> ? P & object : never;
  return <K extends keyof M>(name: K) => splitView<PropsOf<K>>(() => module().then((m) => ({ default: m[name] as unknown as React.ComponentType<PropsOf<K>> })));
}

const plan = splitView(() => import("../features/plan/plan-view.tsx"));
const action = splitView(() => import("../features/action/action-view.tsx"));
// The action view's panels of indicators, evidence and EqIAs: features of their own, composed in here.
const indicators = featureViews(() => import("../features/indicators/index.ts"));
const eqias = featureViews(() => import("../features/eqias/index.ts"));
const actionIndicators = indicators("ActionIndicators");
const actionEvidence = splitView(() => import("../features/evidence/action-evidence.tsx"));
const actionEqias = eqias("ActionEqias");
const actionMeasures: ActionMeasuresSlot = (p) => (
  <>
    <actionIndicators.View {...p} />
    <actionEvidence.View {...p} />
    <actionEqias.View {...p} />
  </>
);
const actionPreload = () => Promise.all([action.preload(), actionIndicators.preload(), actionEvidence.preload(), actionEqias.preload()]).then(([view]) => view);
const due = splitView(() => import("../features/due/due-view.tsx"));
const config = splitView(() => import("../features/config/config-view.tsx"));
const review = splitView(() => import("../features/review/review-view.tsx"));
const dashboard = splitView(() => import("../features/dashboard/dashboard-view.tsx"));
const eqiaRegister = eqias("EqiaRegisterView");
const eqia = eqias("EqiaView");
const indicatorRollup = indicators("IndicatorRollup");
const dashboardIndicators: DashboardIndicatorsSlot = (p) => (
  <Suspense fallback={<ViewSkeleton label="Loading the indicators" rows={3} />}>
    <indicatorRollup.View {...p} />
  </Suspense>
);
const dashboardPreload = () => Promise.all([dashboard.preload(), indicatorRollup.preload()]).then(([view]) => view);
const rollover = splitView(() => import("../features/rollover/rollover-view.tsx"));
const importView = splitView(() => import("../features/import/import-view.tsx"));
const publication = splitView(() => import("../features/publication/publication-view.tsx"));
const coverReport = splitView(() => import("../features/cover-report/cover-report-view.tsx"));
const awaitingBadge = splitView(() => import("../features/publication/awaiting-badge.tsx"));
const handover = splitView(() => import("../features/handover/handover-view.tsx"));
const proposals = splitView(() => import("../features/proposals/proposals-view.tsx"));

export const ROUTES: readonly RouteDef[] = [
  {
    path: "/my",
    // The personal app's "My actions" tab opens #/my-actions (manifest/manifest.template.json).
    aliases: ["/my-actions"],
    title: "My actions",
    nav: "My actions",
    access: "everyone",
    render: () => <MyActionsView />,
    preload: () => Promise.resolve(),
  },
  { path: "/plan", title: "Plan", nav: "Plan", access: "everyone", render: () => <plan.View />, preload: plan.preload, likelyNext: true },
  { path: "/actions/:id", title: "Action", access: "everyone", render: (p) => <action.View id={Number(p.id)} measures={actionMeasures} />, preload: actionPreload, likelyNext: true },
  { path: "/due", title: "Due and overdue", nav: "Due and overdue", access: "edi-group", render: () => <due.View />, preload: due.preload },
  { path: "/review", title: "Review", nav: "Review", access: "edi-group", render: () => <review.View />, preload: review.preload },
  { path: "/dashboard", title: "Dashboard", nav: "Dashboard", access: "edi-group", render: () => <dashboard.View indicators={dashboardIndicators} />, preload: dashboardPreload },
  { path: "/eqias", title: "EqIA register", nav: "EqIAs", access: "everyone", render: () => <eqiaRegister.View />, preload: eqiaRegister.preload },
  { path: "/eqias/:id", title: "Equality Impact Assessment", access: "everyone", render: (p) => <eqia.View id={Number(p.id)} />, preload: eqia.preload },
  {
    path: "/proposals",
    title: "Proposed dates",
    nav: "Proposed dates",
    access: "equalities-lead",
    render: () => <proposals.View />,
    preload: proposals.preload,
  },
  {
    path: "/publication",
    title: "Approval and publication",
    nav: "Publication",
    access: "equalities-lead",
    render: () => <publication.View />,
    preload: publication.preload,
    navBadge: awaitingBadge.View,
  },
  { path: "/cover-report", title: "Covering report", nav: "Cover report", access: "equalities-lead", render: () => <coverReport.View />, preload: coverReport.preload },
  { path: "/rollover", title: "Rollover", nav: "Rollover", access: "equalities-lead", render: () => <rollover.View />, preload: rollover.preload },
  { path: "/handover", title: "Hand over actions", nav: "Handover", access: "equalities-lead", render: () => <handover.View />, preload: handover.preload },
  { path: "/import", title: "Import", nav: "Import", access: "equalities-lead", render: () => <importView.View />, preload: importView.preload },
  { path: "/config", title: "Set up the tab", access: "everyone", render: () => <config.View />, preload: config.preload },
];

export const DEFAULT_PATH = "/my";

export type RouteMatch = { route: RouteDef; path: string; params: Record<string, string> } | { route: null; path: string; params: Record<string, string> };

/** The hash's path without its query (`#/review?view=stage` → `/review`); empty and "/" mean the default view. */
export function hashPath(hash: string): string {
  const path = hash.replace(/^#/, "").replace(/\?.*$/, "");
  return path === "" || path === "/" ? DEFAULT_PATH : path;
}

export function matchRoute(hash: string, routes: readonly RouteDef[] = ROUTES): RouteMatch {
  const path = hashPath(hash);
  const parts = path.split("/");
  for (const route of routes) {
    for (const candidate of [route.path, ...(route.aliases ?? [])]) {
      const pattern = candidate.split("/");
      if (pattern.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = pattern.every((seg, i) => {
        if (!seg.startsWith(":")) return seg === parts[i];
        if (!/^\d+$/.test(parts[i])) return false;
        params[seg.slice(1)] = parts[i];
        return true;
      });
      if (ok) return { route, path, params };
    }
  }
  return { route: null, path, params: {} };
}

export interface Viewer {
  isMember: boolean;
  isLead: boolean;
}

export function mayOpen(route: RouteDef, who: Viewer): boolean {
  if (route.access === "everyone") return true;
  if (route.access === "edi-group") return who.isMember || who.isLead;
  return who.isLead;
}

/** Why a view is refused, in the words the error panel shows. */
export function refusal(route: RouteDef): string {
  return route.access === "equalities-lead"
    ? `The ${route.title} page is for the equalities lead.`
    : `The ${route.title} page is for the equalities lead and the EDI group.`;
}

/**
 * Renders tab components the way the shell does (FluentProvider + AppContextProvider) with a REAL first read
 * against the local SharePoint: the same code path as the tab (development token, readFirstView).
 */
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { cleanup, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { afterAll, afterEach, beforeAll } from "vitest";
import { isMember } from "../../src/data/members/index.ts";
import { getPlans } from "../../src/data/plans/index.ts";
import { localIdentity, localTokenProvider } from "../../src/tab/app/dev-sign-in/local-auth.ts";
import type { FirstView } from "../../src/tab/app/first-view-cache.ts";
import { readFirstView, siteClient } from "../../src/tab/app/session.ts";
import type { AppContextValue } from "../../src/tab/lib/app-context.tsx";
import { AppContextProvider, defaultPlan } from "../../src/tab/lib/app-context.tsx";
import { type SeededSite, startSeededSite } from "../helpers/seeded-site.ts";
import { localConfig, startServerFor } from "../helpers/api-stack.ts";
import type { ProductionServer } from "../../src/server/index.ts";
import { createApiClient } from "../../src/tab/lib/api-client.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestApp {
  value: AppContextValue;
  view: FirstView;
  announced: string[];
}

/**
 * The production server (local mode) in front of a site: the tab's writes go to its API, as in the product. One per
 * site, started on first use and stopped after the file's tests.
 */
const apiServers = new Map<string, Promise<ProductionServer>>();
afterAll(async () => {
  for (const s of apiServers.values()) await (await s).stop();
  apiServers.clear();
});
const tabDirs: string[] = [];
afterAll(() => {
  for (const d of tabDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function apiServerFor(siteUrl: string): Promise<ProductionServer> {
  let s = apiServers.get(siteUrl);
  if (!s) {
    const dir = mkdtempSync(join(tmpdir(), "eap-tab-api-"));
    tabDirs.push(dir);
    s = startServerFor(localConfig(siteUrl, dir));
    apiServers.set(siteUrl, s);
  }
  return s;
}

export async function signedIn(siteUrl: string, email: string, now: () => Date = () => new Date()): Promise<TestApp> {
  const id = localIdentity(email);
  if (!id) throw new Error(`${email} is not a seeded person`);
  const config = { mode: "local" as const, siteUrl };
  const sp = siteClient(config, localTokenProvider(id));
  const [view, server] = await Promise.all([readFirstView(sp, null), apiServerFor(siteUrl)]);
  const announced: string[] = [];
  const value: AppContextValue = {
    config,
    sp,
    api: createApiClient(localTokenProvider(id), server.origin),
    me: view.me,
    members: view.members,
    isMember: isMember(view.members, view.me.id),
    isLead: view.members.some((m) => m.person.id === view.me.id && m.role === "equalities-lead"),
    plans: view.plans,
    plan: defaultPlan(view.plans),
    setPlan: () => {},
    reloadPlans: async () => {
      value.plans = await getPlans(sp);
    },
    now,
    host: { inTeams: false, hostName: "browser", frameContext: null, theme: "default", meetingId: null },
    navigate: (r) => {
      window.location.hash = r;
    },
    announce: (m) => announced.push(m),
    myActions: { actions: view.myActions, freshness: "fresh", readAt: new Date().toISOString(), refreshing: false, refreshError: null, refresh: () => {} },
  };
  return { value, view, announced };
}

export function renderInApp(ui: ReactElement, app: TestApp) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <AppContextProvider value={app.value}>{ui}</AppContextProvider>
    </FluentProvider>,
  );
}

/**
 * A seeded local site (dates moved near today) and a person signed in to it, for the tests of one file: started
 * before them, rendered views cleaned up after each, the site closed after all.
 */
export function seededSiteSignedInAs(upn: string): { site(): SeededSite; app(): TestApp } {
  let site: SeededSite | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    site = await startSeededSite({ shiftToToday: true });
    app = await signedIn(site.siteUrl, upn);
  });
  afterEach(() => cleanup());
  afterAll(async () => {
    await site?.close();
  });
  return { site: () => site!, app: () => app! };
}

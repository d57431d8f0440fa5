/**
 * Renders tab components the way the shell does (FluentProvider + AppContextProvider) with a REAL session against
 * the local SharePoint: the same sign-in code path as the tab (development token, startSession).
 */
import { isMember } from "../../src/data/members/index.ts";
import { getPlans } from "../../src/data/plans/index.ts";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { AppContextValue } from "../../src/tab/lib/app-context.tsx";
import { AppContextProvider, defaultPlan } from "../../src/tab/lib/app-context.tsx";
import { localIdentity, localTokenProvider } from "../../src/tab/app/dev-sign-in/local-auth.ts";
import { startSession, type Session } from "../../src/tab/app/session.ts";

export interface TestApp {
  value: AppContextValue;
  session: Session;
  announced: string[];
}

export async function signedIn(siteUrl: string, email: string, now: () => Date = () => new Date()): Promise<TestApp> {
  const id = localIdentity(email);
  if (!id) throw new Error(`${email} is not a seeded person`);
  const config = { mode: "local" as const, siteUrl };
  const session = await startSession(config, localTokenProvider(id), email);
  const announced: string[] = [];
  const value: AppContextValue = {
    config,
    sp: session.sp,
    me: session.me,
    members: session.members,
    isMember: isMember(session.members, session.me.id),
    plans: session.plans,
    plan: defaultPlan(session.plans),
    setPlan: () => {},
    reloadPlans: async () => {
      value.plans = await getPlans(session.sp);
    },
    now,
    host: { inTeams: false, hostName: "browser", frameContext: null, theme: "default" },
    navigate: (r) => {
      window.location.hash = r;
    },
    announce: (m) => announced.push(m),
  };
  return { value, session, announced };
}

export function renderInApp(ui: ReactElement, app: TestApp) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <AppContextProvider value={app.value}>{ui}</AppContextProvider>
    </FluentProvider>,
  );
}

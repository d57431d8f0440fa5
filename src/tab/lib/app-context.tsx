/**
 * What every page of the tab needs: configuration, the one SharePoint client, who is signed in, the EDI group, the
 * plans, the clock, the host, navigation and the live region. The app (src/tab/app) provides it; features,
 * components and hooks read it through useAppContext() and never import the app itself.
 */
import { createContext, type ReactNode, useContext } from "react";
import type { ActionRecord } from "../../data/actions/mapping.ts";
import type { SPFI } from "../../data/create-sp.ts";
import type { Member } from "../../data/members/mapping.ts";
import type { Person, Plan } from "../../domain/types.ts";
import type { ApiClient } from "./api-client.ts";
import type { TabConfig } from "./config.ts";
import type { ThemeName } from "./theme-name.ts";

export interface AppHost {
  inTeams: boolean;
  hostName: string;
  frameContext: string | null;
  theme: ThemeName;
  /** The meeting the tab is open in (teams-js `meeting.id`), else null. */
  meetingId: string | null;
}

export interface AppContextValue {
  config: TabConfig;
  sp: SPFI;
  /** Every write goes through the server's API (checked there, written with the app's identity). */
  api: ApiClient;
  me: Person;
  members: Member[];
  isMember: boolean;
  /** The equalities lead (decides proposed dates, changes delivery dates, edits every field). */
  isLead: boolean;
  plans: Plan[];
  /** The current plan: the one chosen with setPlan, else the active one, else the newest. */
  plan: Plan | null;
  setPlan(id: number): void;
  /** Reads the plans again (after an import or a rollover created one). */
  reloadPlans(): Promise<void>;
  now: () => Date;
  host: AppHost;
  navigate(route: string): void;
  /** Says a status message through the polite live region (screen readers). */
  announce(message: string): void;
  /** My actions, read with the EDI group and the plans in the first read, or this device's copy until then. */
  myActions: MyActionsState;
}

export interface MyActionsState {
  actions: ActionRecord[];
  /** "cached": this device's copy, shown while the first read refreshes it; "fresh": read from SharePoint now. */
  freshness: "cached" | "fresh";
  /** When the actions shown were read from SharePoint (ISO instant). */
  readAt: string;
  refreshing: boolean;
  /** Why the last refresh failed (the actions shown are older), or null. */
  refreshError: unknown;
  /** Reads them again (with the EDI group and the plans, one request); `ifOlderThanMs` skips a read just made. */
  refresh(opts?: { ifOlderThanMs?: number }): void;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppContextProvider({ value, children }: { value: AppContextValue; children: ReactNode }) {
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useAppContext(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error("useAppContext() is used outside <AppContextProvider>: render the page inside the tab's shell.");
  return v;
}

/** The active plan, else the newest (highest id): the same rule as src/data currentPlan(). */
export function defaultPlan(plans: readonly Plan[]): Plan | null {
  return plans.filter((p) => p.status === "active").at(-1) ?? plans.at(-1) ?? null;
}

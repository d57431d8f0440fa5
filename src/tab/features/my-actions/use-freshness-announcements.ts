/**
 * Says politely, through the shell's live region, what the freshness line shows: that the list is this device's
 * copy of a given age while it refreshes, that it is up to date once the read arrives, or that the refresh failed.
 */
import { useEffect, useRef } from "react";
import type { MyActionsState } from "../../lib/app-context.tsx";
import { describeError } from "../../lib/errors.ts";
import { sinceText } from "../../lib/format.ts";

export function useFreshnessAnnouncements(state: MyActionsState, announce: (m: string) => void): void {
  const said = useRef<string | null>(null);
  const { freshness, readAt, refreshError } = state;
  useEffect(() => {
    let message: string | null = null;
    if (refreshError) message = `Could not refresh your actions: ${describeError(refreshError).title}. Showing them as they were ${sinceText(Date.now() - Date.parse(readAt))}.`;
    else if (freshness === "cached") message = `Showing your actions as they were ${sinceText(Date.now() - Date.parse(readAt))}. Refreshing.`;
    else if (said.current !== null) message = "Your actions are up to date.";
    if (message && message !== said.current) announce(message);
    said.current = message ?? said.current;
  }, [freshness, readAt, refreshError, announce]);
}

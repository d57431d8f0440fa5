import { effectiveStatus, updateAgeDays } from "../../../domain/status.ts";
import { ageText, dueText } from "../../lib/format.ts";
import type { ActionSummaryProps } from "./action-summary.types.ts";

/** Derived display values of an action summary: status against the clock, due phrase, last update and its age. */
export function useActionSummary({ action, now }: ActionSummaryProps) {
  const status = effectiveStatus(action, now);
  const age = updateAgeDays(action.lastUpdateAt, now);
  return {
    status,
    due: dueText(action.due),
    lastUpdate: action.lastUpdateSummary,
    lastUpdateAge: action.lastUpdateAt ? ageText(age) : null,
    title: `${action.reference ? `${action.reference}: ` : ""}${action.text}`,
  };
}

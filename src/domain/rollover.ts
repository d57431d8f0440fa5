/**
 * Rolling a plan over to the next period: the one rule both the rollover itself (src/data) and its preview
 * (src/import) apply. An action the review said "remains ongoing" or "developed" is carried into the new plan; one
 * still open is closed with the old plan; the others were settled already and stay as they are.
 */
import type { ActionStatus, Disposition } from "./types.ts";

export type RolloverFate = "carried" | "closed" | "already-settled";

export const CARRIED_DISPOSITIONS: readonly Disposition[] = ["ongoing", "developed"];

/** Takes a string: dispositions read from SharePoint or an import are not trusted to be one of ours. */
export function rolloverFate(disposition: string): RolloverFate {
  if ((CARRIED_DISPOSITIONS as readonly string[]).includes(disposition)) return "carried";
  return disposition === "open" ? "closed" : "already-settled";
}

/** The default next period: the four years after the old one ("2017-2021" → "2021-2025"); "" when unreadable. */
export function nextPeriod(period: string): string {
  const end = Number(period.split("-")[1]);
  return Number.isFinite(end) ? `${end}-${end + 4}` : "";
}

/**
 * The carried copy of an action in the new plan: open again, linked to the old one by reference, a "complete"
 * status reopened as "on track" (it was carried because the work goes on), and no updates: the history stays on
 * the old action and the new one starts its own timeline.
 */
export function carriedAction<T extends { reference: string; disposition: string; status: string; updates: unknown[] }>(a: T): T {
  const reopened: ActionStatus = "on-track";
  return { ...a, carriedFromReference: a.reference, disposition: "open", status: a.status === "complete" ? reopened : a.status, updates: [] };
}

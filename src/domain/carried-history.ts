/**
 * An action carried into a new plan starts with no updates and often without its measures (a rollover copies the
 * action, not its history). Until it has its own, it shows the last update and the success measures of the action
 * it came from, said to be that action's ("from CL-20-4"), in the tab, on the card and in the review. Pure.
 */
export interface HistorySource {
  reference: string;
  lastUpdateAt: string | null;
  lastUpdateSummary: string | null;
  successMeasures: readonly string[];
}

export interface CarriedHistory {
  /** The reference of the action it came from. */
  from: string;
  /** That action's last update, when this one has none yet. */
  lastUpdate: { at: string; summary: string | null } | null;
  /** That action's success measures, when this one has none. */
  successMeasures: string[];
}

export function carriedHistory(
  a: { carriedFromId: number | null; lastUpdateAt: string | null; successMeasures: readonly string[] },
  source: HistorySource | undefined,
): CarriedHistory | null {
  if (a.carriedFromId === null || !source) return null;
  const lastUpdate = !a.lastUpdateAt && source.lastUpdateAt ? { at: source.lastUpdateAt, summary: source.lastUpdateSummary } : null;
  const successMeasures = a.successMeasures.length === 0 ? [...source.successMeasures] : [];
  if (!lastUpdate && successMeasures.length === 0) return null;
  return { from: source.reference, lastUpdate, successMeasures };
}

/** The ids of the actions whose history these carried actions still need. */
export function historyNeeded(actions: ReadonlyArray<{ carriedFromId: number | null; lastUpdateAt: string | null; successMeasures: readonly string[] }>): number[] {
  return [...new Set(actions.filter((a) => a.carriedFromId !== null && (!a.lastUpdateAt || a.successMeasures.length === 0)).map((a) => a.carriedFromId as number))];
}

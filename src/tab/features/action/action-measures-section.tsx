/**
 * The action's measures (indicators with their values, evidence, linked EqIAs) read in ONE request once the action
 * is there (src/data/action-measures), and handed to the panels the route table composes into the view: features
 * never import each other, so app/routes.tsx passes them in as `render` and each is split off and loaded on demand.
 */
import { type ReactNode, Suspense, useCallback } from "react";
import type { ActionMeasures } from "../../../data/action-measures/index.ts";
import { getActionMeasures } from "../../../data/action-measures/index.ts";
import type { ActionRecord } from "../../../data/actions/mapping.ts";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useAppContext } from "../../lib/app-context.tsx";
import { useLoad } from "../../hooks/use-load.ts";

export interface ActionMeasuresSlotProps {
  action: ActionRecord;
  measures: ActionMeasures;
  /** Reads the measures again (one request) after a write; resolves once the panels show the fresh data. */
  reload(): Promise<void>;
}

export type ActionMeasuresSlot = (props: ActionMeasuresSlotProps) => ReactNode;

export function ActionMeasuresSection({ action, render }: { action: ActionRecord; render: ActionMeasuresSlot }) {
  const { sp } = useAppContext();
  const load = useLoad(() => getActionMeasures(sp, action.id), [sp, action.id]);
  const { set } = load;
  const reload = useCallback(async () => set(await getActionMeasures(sp, action.id)), [sp, action.id, set]);
  const skeleton = <ViewSkeleton label="Loading the indicators and evidence" rows={3} />;
  if (load.state === "loading") return skeleton;
  if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;
  return <Suspense fallback={skeleton}>{render({ action, measures: load.data, reload })}</Suspense>;
}

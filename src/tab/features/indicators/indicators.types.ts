/** Props of the indicator panels. The action view hands its measures in through the route table (same shape). */
import type { ActionMeasures, IndicatorWithValues } from "../../../data/action-measures/index.ts";
import type { ActionRecord } from "../../../data/actions/mapping.ts";

export interface ActionIndicatorsProps {
  action: ActionRecord;
  measures: ActionMeasures;
  reload(): Promise<void>;
}

export interface IndicatorCardProps {
  action: ActionRecord;
  indicator: IndicatorWithValues;
  reload(): Promise<void>;
}

/** What the dashboard already read: the plan's objectives in plan order ("Objective 1.2") and its actions. */
export interface IndicatorRollupProps {
  objectives: ReadonlyArray<{ objectiveId: number; label: string; statement: string }>;
  actions: ReadonlyArray<{ id: number; objectiveId: number }>;
}

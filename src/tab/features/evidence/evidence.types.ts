/** Props of the evidence panel: the action view hands its measures in through the route table (same shape). */
import type { ActionMeasures } from "../../../data/action-measures/index.ts";
import type { ActionRecord } from "../../../data/actions/mapping.ts";

export interface ActionEvidenceProps {
  action: ActionRecord;
  measures: ActionMeasures;
  reload(): Promise<void>;
}

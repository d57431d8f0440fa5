/**
 * The indicators feature's one write: a value recorded (or corrected) through the product's server
 * (`POST /api/actions/{id}/values`), which checks who may record it and the value with the domain's rules, keeps a
 * correction as a new revision, refuses a value someone else recorded since it was read, and writes the person
 * as its recorder from their sign-in (never from what the tab says).
 */
import type { IndicatorRecord } from "../../../data/indicators/mapping.ts";
import type { ValueInput } from "../../../domain/indicator-values.ts";
import type { ApiClient } from "../../lib/api-client.ts";

export interface ValueSubmission {
  indicator: Pick<IndicatorRecord, "id" | "actionId">;
  input: ValueInput;
  revisionSeen: number;
  /** Made once per submission and reused on retry, so a retry after a lost answer finds its first attempt. */
  submissionKey: string;
}

export function saveIndicatorValue(api: ApiClient, s: ValueSubmission) {
  return api.recordValue(s.indicator.actionId, { indicatorId: s.indicator.id, input: s.input, revisionSeen: s.revisionSeen, submissionKey: s.submissionKey });
}

/**
 * The indicators feature's one write: a value recorded (or corrected) through src/data, which checks it with the
 * domain's rules, keeps a correction as a new revision and refuses a value someone else recorded since it was read.
 * Kept alone so that it can be switched to the product's server API without touching the views.
 */
import type { SPFI } from "../../../data/create-sp.ts";
import { type RecordedValue, recordIndicatorValue } from "../../../data/indicator-values/repository.ts";
import type { IndicatorRecord } from "../../../data/indicators/mapping.ts";
import type { ValueInput } from "../../../domain/indicator-values.ts";
import type { Person } from "../../../domain/types.ts";

export interface ValueSubmission {
  indicator: IndicatorRecord;
  input: ValueInput;
  revisionSeen: number;
  recordedBy: Person;
  /** Made once per submission and reused on retry, so a retry after a lost answer finds its first attempt. */
  submissionKey: string;
  now: Date;
}

export function saveIndicatorValue(sp: SPFI, s: ValueSubmission): Promise<RecordedValue> {
  return recordIndicatorValue(sp, s);
}

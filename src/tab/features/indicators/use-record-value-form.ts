/**
 * State of "Record a value": the period (from the due periods, the one in progress, or one to correct), the group,
 * the value and the note; the domain's check before anything is written (each problem under its field, naming it);
 * the save with its busy state and announcements; a conflict (someone recorded it since) said in words.
 */
import { useCallback, useMemo, useState } from "react";
import { checkValue } from "../../../domain/indicator-values.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { INDICATOR_UNIT_LABELS } from "../../../domain/measure-constants.ts";
import { useSubmission } from "../../hooks/use-submission.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { fieldErrors } from "../../lib/field-errors.ts";
import type { IndicatorCardProps } from "./indicators.types.ts";
import { saveIndicatorValue } from "./record-value.ts";
import { periodChoices } from "./value-periods.ts";

export type ValueField = "period" | "group" | "value" | "note";

const FIELD_NAMES: Record<ValueField, string> = { period: "Period", group: "Group", value: "Value", note: "Note" };

export function useRecordValueForm({ indicator, reload }: Pick<IndicatorCardProps, "indicator" | "reload">) {
  const { api, now, announce } = useAppContext();
  const [group, setGroup] = useState("");
  const [periodId, setPeriodId] = useState("");
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Partial<Record<ValueField, string>>>({});
  const submission = useSubmission();
  const today = londonDate(now());

  const choices = useMemo(() => periodChoices(indicator, indicator.values, group, today), [indicator, group, today]);
  const chosen = choices.find((c) => c.period.id === periodId) ?? choices[0];
  const correcting = (chosen?.revisionSeen ?? 0) > 0;

  const submit = useCallback(async () => {
    submission.clearFailure();
    const input = { period: chosen?.period.id ?? "", group, value, note };
    const checked = checkValue(indicator, input, { today: londonDate(now()), correcting });
    const problems = checked.ok ? {} : fieldErrors(checked.problems, FIELD_NAMES, "value");
    setErrors(problems);
    if (!checked.ok) {
      announce(`The value was not saved: ${Object.values(problems).join("; ")}`);
      return;
    }
    const saved = await submission.submit(
      { saying: "Saving the value…", conflictTitle: "Not saved: the value changed since you opened it", notSaved: "The value was not saved.", onConflict: reload },
      async (submissionKey) => {
        await saveIndicatorValue(api, { indicator, input, revisionSeen: chosen?.revisionSeen ?? 0, submissionKey });
        await reload().catch(() => undefined);
        return `Value saved: ${indicator.name}, ${checked.value.period.label}${correcting ? " (corrected)" : ""}.`;
      },
    );
    if (saved) {
      setValue("");
      setNote("");
      setPeriodId("");
    }
  }, [chosen, group, value, note, indicator, now, correcting, announce, api, reload, submission]);

  return {
    group,
    setGroup: (g: string) => {
      setGroup(g);
      setPeriodId("");
    },
    choices,
    chosen,
    setPeriodId,
    value,
    setValue,
    note,
    setNote,
    correcting,
    unitLabel: INDICATOR_UNIT_LABELS[indicator.unit],
    errors,
    saving: submission.saving,
    failure: submission.failure,
    submit,
  };
}

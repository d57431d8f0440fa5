/**
 * State of "Record a value": the period (from the due periods, the one in progress, or one to correct), the group,
 * the value and the note; the domain's check before anything is written (each problem under its field, naming it);
 * the save with its busy state and announcements; a conflict (someone recorded it since) said in words.
 */
import { useCallback, useMemo, useState } from "react";
import { checkValue } from "../../../domain/indicator-values.ts";
import type { MeasureProblem } from "../../../domain/indicators.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { INDICATOR_UNIT_LABELS } from "../../../domain/measure-constants.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { describeError } from "../../lib/errors.ts";
import type { IndicatorCardProps } from "./indicators.types.ts";
import { saveIndicatorValue } from "./record-value.ts";
import { periodChoices } from "./value-periods.ts";

export type ValueField = "period" | "group" | "value" | "note";
export type ValueErrors = Partial<Record<ValueField, string>>;

const FIELD_NAMES: Record<ValueField, string> = { period: "Period", group: "Group", value: "Value", note: "Note" };

/** "Value: "abc" is not a number; this indicator wants …": the message names its field. */
export function valueErrors(problems: readonly MeasureProblem[]): ValueErrors {
  const out: ValueErrors = {};
  for (const p of problems) {
    const field = (p.field in FIELD_NAMES ? p.field : "value") as ValueField;
    out[field] ??= `${FIELD_NAMES[field]}: ${p.message}`;
  }
  return out;
}

export function useRecordValueForm({ indicator, reload }: Pick<IndicatorCardProps, "indicator" | "reload">) {
  const { sp, me, now, announce } = useAppContext();
  const [group, setGroup] = useState("");
  const [periodId, setPeriodId] = useState("");
  const [value, setValue] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<ValueErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ title: string; detail: string } | null>(null);
  const [submissionKey, setSubmissionKey] = useState(() => crypto.randomUUID());
  const today = londonDate(now());

  const choices = useMemo(() => periodChoices(indicator, indicator.values, group, today), [indicator, group, today]);
  const chosen = choices.find((c) => c.period.id === periodId) ?? choices[0];
  const correcting = (chosen?.revisionSeen ?? 0) > 0;
  const unitLabel = INDICATOR_UNIT_LABELS[indicator.unit];

  const submit = useCallback(async () => {
    setFailure(null);
    const input = { period: chosen?.period.id ?? "", group, value, note };
    const checked = checkValue(indicator, input, { today: londonDate(now()), correcting });
    if (!checked.ok) {
      setErrors(valueErrors(checked.problems));
      announce(`The value was not saved: ${checked.problems.map((p) => valueErrors([p])[p.field as ValueField] ?? p.message).join("; ")}`);
      return;
    }
    setErrors({});
    setSaving(true);
    announce("Saving the value…");
    try {
      await saveIndicatorValue(sp, { indicator, input, revisionSeen: chosen?.revisionSeen ?? 0, recordedBy: me, submissionKey, now: now() });
      setValue("");
      setNote("");
      setPeriodId("");
      setSubmissionKey(crypto.randomUUID());
      await reload().catch(() => undefined);
      announce(`Value saved: ${indicator.name}, ${checked.value.period.label}${correcting ? " (corrected)" : ""}.`);
    } catch (err) {
      const e = describeError(err);
      // Someone else recorded it since: the answer is final for this submission, so the next attempt is a new one.
      if (e.reason === "conflict") setSubmissionKey(crypto.randomUUID());
      setFailure({ title: e.reason === "conflict" ? "Not saved: the value changed since you opened it" : e.title, detail: e.detail });
      announce(`The value was not saved. ${e.detail}`);
      if (e.reason === "conflict") await reload().catch(() => undefined);
    } finally {
      setSaving(false);
    }
  }, [chosen, group, value, note, indicator, now, correcting, announce, sp, me, submissionKey, reload]);

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
    unitLabel,
    errors,
    saving,
    failure,
    submit,
  };
}

/**
 * "Record a value" for one indicator, by keyboard alone: native select for the period (due ones first; a recorded
 * one is a correction, which asks why), the value as people write it ("19", "19 %", "£1,250"), a note. Each
 * problem is shown under its field and names it; nothing is written while any remains.
 */
import { Field, Input, Select, Textarea } from "@fluentui/react-components";
import { useId } from "react";
import { formatIndicatorValue } from "../../../domain/indicator-units.ts";
import { usePanelStyles } from "../../components/panel/panel.styles.ts";
import { SubmitRow } from "../../components/submit-row/submit-row.tsx";
import type { IndicatorCardProps } from "./indicators.types.ts";
import { useRecordValueForm } from "./use-record-value-form.ts";
import type { PeriodChoice } from "./value-periods.ts";

const KIND_WORDS = { due: "due", current: "in progress", correction: "correct" } as const;

function choiceLabel(c: PeriodChoice, unit: IndicatorCardProps["indicator"]["unit"]): string {
  if (c.kind === "correction") return `${c.period.label} (correct ${formatIndicatorValue(unit, c.current ?? "")})`;
  return `${c.period.label} (${KIND_WORDS[c.kind]})`;
}

export function RecordValueForm({ indicator, reload }: Pick<IndicatorCardProps, "indicator" | "reload">) {
  const s = usePanelStyles();
  const f = useRecordValueForm({ indicator, reload });
  const id = useId();
  const titleId = `${id}-title`;
  return (
    <form
      className={s.form}
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!f.saving) void f.submit();
      }}
    >
      <h4 id={titleId} className={`${s.h4} ${s.wide}`}>
        Record a value of “{indicator.name}”
      </h4>
      {indicator.groups.length > 0 && (
        <Field label="Group" validationMessage={f.errors.group}>
          <Select value={f.group} onChange={(_, d) => f.setGroup(d.value)}>
            <option value="">All (the whole)</option>
            {indicator.groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Period" required validationMessage={f.errors.period} hint={f.correcting ? "A value is recorded for this period: yours is kept as a correction, with the earlier one in the history." : undefined}>
        <Select value={f.chosen?.period.id ?? ""} onChange={(_, d) => f.setPeriodId(d.value)}>
          {f.choices.map((c) => (
            <option key={c.period.id} value={c.period.id}>
              {choiceLabel(c, indicator.unit)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={`Value (${f.unitLabel})`} required validationMessage={f.errors.value}>
        <Input value={f.value} onChange={(_, d) => f.setValue(d.value)} inputMode={indicator.unit === "text" ? "text" : "decimal"} autoComplete="off" />
      </Field>
      <Field className={s.wide} label={f.correcting ? "Why is it corrected?" : "Note (optional)"} required={f.correcting} validationMessage={f.errors.note}>
        <Textarea value={f.note} onChange={(_, d) => f.setNote(d.value)} resize="vertical" />
      </Field>
      <SubmitRow label={f.correcting ? "Save the correction" : "Save the value"} saving={f.saving} disabled={f.choices.length === 0} failure={f.failure} />
    </form>
  );
}

/** Chooses which plan the views show (loaded lazily: only sites with more than one plan need it). */
import { Select } from "@fluentui/react-components";
import { usePlanPickerStyles } from "./plan-picker.styles.ts";
import type { PlanPickerProps } from "./plan-picker.types.ts";
import { usePlanPicker } from "./use-plan-picker.ts";

export type { PlanPickerProps };

export default function PlanPicker(props: PlanPickerProps) {
  const s = usePlanPickerStyles();
  const v = usePlanPicker(props);
  return (
    <Select className={s.root} aria-label="Plan" value={v.value} onChange={(_, d) => props.onChange(Number(d.value))}>
      {v.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}

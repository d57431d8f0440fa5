/** Chooses which plan the views show; each option says the plan's status in words. */
import { usePlanPickerStyles } from "./plan-picker.styles.ts";
import type { PlanPickerProps } from "./plan-picker.types.ts";
import { usePlanPicker } from "./use-plan-picker.ts";

export type { PlanPickerProps };

export function PlanPicker(props: PlanPickerProps) {
  const s = usePlanPickerStyles();
  const v = usePlanPicker(props);
  return (
    <select className={s.root} aria-label="Plan" value={v.value} onChange={(e) => props.onChange(Number(e.target.value))}>
      {v.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

import type { PlanPickerProps } from "./plan-picker.types.ts";

/** Each plan as an option that says its status in words ("… (closed)", "… (active, demonstration)"). */
export function usePlanPicker({ plans, value }: PlanPickerProps) {
  return { value: String(value ?? ""), options: plans.map((p) => ({ value: String(p.id), label: `${p.title} (${p.status}${p.demonstration ? ", demonstration" : ""})` })) };
}

import type { Plan } from "../../../domain/types.ts";

export interface PlanPickerProps {
  plans: Plan[];
  value: number | null;
  onChange(id: number): void;
}

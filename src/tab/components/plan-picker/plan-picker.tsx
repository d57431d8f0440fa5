/** Chooses which plan the views show (loaded lazily: only sites with more than one plan need it). */
import { Select } from "@fluentui/react-components";
import type { Plan } from "../../../domain/types.ts";

export default function PlanPicker({ plans, value, onChange }: { plans: Plan[]; value: number | null; onChange(id: number): void }) {
  return (
    <Select aria-label="Plan" value={String(value ?? "")} onChange={(_, d) => onChange(Number(d.value))}>
      {plans.map((p) => (
        <option key={p.id} value={p.id}>
          {p.title} ({p.status}{p.demonstration ? ", demonstration" : ""})
        </option>
      ))}
    </Select>
  );
}

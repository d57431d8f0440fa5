/**
 * "Figures with this update": one optional field per indicator whose last complete period has no value, each
 * labelled with the indicator, period and unit, its problem said under it. Native inputs, so keyboard and screen
 * readers need nothing special; the group is a fieldset named by its legend.
 */
import { Field, Input } from "@fluentui/react-components";
import { isNumericUnit } from "../../../../domain/indicator-units.ts";
import { useAddUpdateFormStyles } from "./add-update-form.styles.ts";
import type { useUpdateValues } from "./use-update-values.ts";

export function UpdateValues({ v }: { v: ReturnType<typeof useUpdateValues> }) {
  const s = useAddUpdateFormStyles();
  if (v.fields.length === 0) return null;
  return (
    <fieldset className={s.figures}>
      <legend className={s.legend}>Figures with this update (optional)</legend>
      {v.fields.map((f) => (
        <Field
          key={f.indicator.id}
          label={f.label}
          validationMessage={v.errors[f.indicator.id]}
          validationState={v.errors[f.indicator.id] ? "error" : "none"}
          hint={isNumericUnit(f.indicator.unit) ? "A figure; leave empty if you do not have it yet." : "A few words; leave empty if you do not have it yet."}
        >
          <Input
            value={v.typed[f.indicator.id] ?? ""}
            inputMode={isNumericUnit(f.indicator.unit) ? "decimal" : undefined}
            onChange={(_, d) => v.change(f.indicator.id, d.value)}
          />
        </Field>
      ))}
    </fieldset>
  );
}

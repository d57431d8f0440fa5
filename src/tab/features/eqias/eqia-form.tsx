/**
 * Adding or changing an Equality Impact Assessment (the EDI group; an assessment's owner for its own): the policy
 * or decision, when it was assessed, the characteristics considered (the nine and the plan's local ones), outcome,
 * summary, where it is published (http or https) and when it is to be reviewed. Each problem under its field.
 */
import { Button, Checkbox, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { SubmitRow } from "../../components/submit-row/submit-row.tsx";
import type { EqiaRecord } from "../../../data/eqias/mapping.ts";
import { CHARACTERISTIC_LABELS, PROTECTED_CHARACTERISTICS } from "../../../domain/constants.ts";
import { EQIA_OUTCOME_LABELS, EQIA_OUTCOMES } from "../../../domain/measure-constants.ts";
import { usePanelStyles } from "../../components/panel/panel.styles.ts";
import { useEqiaStyles } from "./eqias.styles.ts";
import { EQIA_FIELD_NAMES as N, useEqiaForm } from "./use-eqia-form.ts";

export function EqiaForm({ existing, onSaved, onCancel }: { existing: EqiaRecord | null; onSaved(id: number): void | Promise<void>; onCancel?(): void }) {
  const s = useEqiaStyles();
  const p = usePanelStyles();
  const f = useEqiaForm(existing, onSaved);
  const title = existing ? "Change the assessment" : "Add an assessment";
  return (
    <form
      className={p.form}
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!f.saving) void f.submit();
      }}
    >
      <Field className={p.wide} label={N.title} required validationMessage={f.errors.title}>
        <Input value={f.draft.title} onChange={(_, d) => f.change({ title: d.value })} />
      </Field>
      <Field label={N.assessedOn} required validationMessage={f.errors.assessedOn}>
        <Input type="date" value={f.draft.assessedOn} onChange={(_, d) => f.change({ assessedOn: d.value })} />
      </Field>
      <Field label={N.outcome} required validationMessage={f.errors.outcome}>
        <Select value={f.draft.outcome} onChange={(_, d) => f.change({ outcome: d.value })}>
          {EQIA_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {EQIA_OUTCOME_LABELS[o]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={N.reviewDate} validationMessage={f.errors.reviewDate}>
        <Input type="date" value={f.draft.reviewDate} onChange={(_, d) => f.change({ reviewDate: d.value })} />
      </Field>
      <fieldset className={p.wide}>
        <legend>{N.characteristics} (required)</legend>
        <div className={s.checks}>
          {[...PROTECTED_CHARACTERISTICS, ...f.local].map((c) => (
            <Checkbox key={c} label={CHARACTERISTIC_LABELS[c] ?? c} checked={f.draft.characteristics.includes(c)} onChange={(_, d) => f.toggle(c, d.checked === true)} />
          ))}
        </div>
        {f.errors.characteristics && (
          <p role="alert" className={p.muted}>
            {f.errors.characteristics}
          </p>
        )}
      </fieldset>
      <Field className={p.wide} label={N.summary} validationMessage={f.errors.summary}>
        <Textarea value={f.draft.summary} onChange={(_, d) => f.change({ summary: d.value })} resize="vertical" />
      </Field>
      <Field className={p.grow} label={`${N.publishedLink} (https://…)`} validationMessage={f.errors.publishedLink}>
        <Input type="url" value={f.draft.publishedLink} onChange={(_, d) => f.change({ publishedLink: d.value })} />
      </Field>
      <SubmitRow label={existing ? "Save the changes" : "Add the assessment"} saving={f.saving} failure={f.failure}>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </SubmitRow>
    </form>
  );
}

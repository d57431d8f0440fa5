/** State of the EqIA form (add or change): the fields, the domain's check with each problem named, the save. */
import { useCallback, useState } from "react";
import type { EqiaRecord } from "../../../data/eqias/mapping.ts";
import { checkEqia, type EqiaInput } from "../../../domain/evidence.ts";
import type { MeasureProblem } from "../../../domain/indicators.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { describeError } from "../../lib/errors.ts";
import { saveEqia } from "./save-eqia.ts";

export type EqiaField = "title" | "assessedOn" | "characteristics" | "outcome" | "summary" | "publishedLink" | "reviewDate";
export type EqiaErrors = Partial<Record<EqiaField, string>>;

export const EQIA_FIELD_NAMES: Record<EqiaField, string> = {
  title: "Policy or decision",
  assessedOn: "Assessed on",
  characteristics: "Characteristics considered",
  outcome: "Outcome",
  summary: "Summary",
  publishedLink: "Published at",
  reviewDate: "Review date",
};

function errorsOf(problems: readonly MeasureProblem[]): EqiaErrors {
  const out: EqiaErrors = {};
  for (const p of problems) {
    const f = (p.field in EQIA_FIELD_NAMES ? p.field : "title") as EqiaField;
    out[f] ??= `${EQIA_FIELD_NAMES[f]}: ${p.message}`;
  }
  return out;
}

type Draft = Required<Omit<EqiaInput, "ownerId" | "characteristics">> & { characteristics: string[]; reviewDate: string };

const draftOf = (e: EqiaRecord | null): Draft => ({
  title: e?.title ?? "",
  assessedOn: e?.assessedOn ?? "",
  characteristics: [...(e?.characteristics ?? [])],
  outcome: e?.outcome ?? "no-major-change",
  summary: e?.summary ?? "",
  publishedLink: e?.publishedLink ?? "",
  reviewDate: e?.reviewDate ?? "",
});

export function useEqiaForm(existing: EqiaRecord | null, onSaved: (id: number) => void | Promise<void>) {
  const { sp, plan, announce } = useAppContext();
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const [errors, setErrors] = useState<EqiaErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ title: string; detail: string } | null>(null);
  const [submissionKey] = useState(() => crypto.randomUUID());
  const local = plan?.localCharacteristics ?? [];

  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggle = (key: string, on: boolean) => setDraft((d) => ({ ...d, characteristics: on ? [...d.characteristics, key] : d.characteristics.filter((c) => c !== key) }));

  const submit = useCallback(async () => {
    setFailure(null);
    const input: EqiaInput = { ...draft, reviewDate: draft.reviewDate || null, ownerId: existing?.ownerId ?? null };
    const checked = checkEqia(input, { localCharacteristics: local });
    if (!checked.ok) {
      const e = errorsOf(checked.problems);
      setErrors(e);
      announce(`The assessment was not saved: ${Object.values(e).join("; ")}`);
      return;
    }
    setErrors({});
    setSaving(true);
    announce("Saving the assessment…");
    try {
      const id = await saveEqia(sp, existing, input, local, submissionKey);
      announce(`Assessment saved: ${checked.eqia.title}.`);
      await onSaved(id);
    } catch (err) {
      const e = describeError(err);
      setFailure({ title: e.reason === "conflict" ? "Not saved: someone else changed this assessment" : e.title, detail: e.detail });
      announce(`The assessment was not saved. ${e.detail}`);
    } finally {
      setSaving(false);
    }
  }, [draft, existing, local, announce, sp, submissionKey, onSaved]);

  return { draft, change, toggle, local, errors, saving, failure, submit };
}

/** State of the EqIA form (add or change): the fields, the domain's check with each problem named, the save. */
import { useCallback, useState } from "react";
import type { EqiaRecord } from "../../../data/eqias/mapping.ts";
import { checkEqia, type EqiaInput } from "../../../domain/evidence.ts";
import { useSubmission } from "../../hooks/use-submission.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { fieldErrors } from "../../lib/field-errors.ts";
import { saveEqia } from "./save-eqia.ts";

export type EqiaField = "title" | "assessedOn" | "characteristics" | "outcome" | "summary" | "publishedLink" | "reviewDate";

export const EQIA_FIELD_NAMES: Record<EqiaField, string> = {
  title: "Policy or decision",
  assessedOn: "Assessed on",
  characteristics: "Characteristics considered",
  outcome: "Outcome",
  summary: "Summary",
  publishedLink: "Published at",
  reviewDate: "Review date",
};

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
  const { api, plan, announce } = useAppContext();
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const [errors, setErrors] = useState<Partial<Record<EqiaField, string>>>({});
  const submission = useSubmission();
  const local = plan?.localCharacteristics ?? [];

  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggle = (key: string, on: boolean) => setDraft((d) => ({ ...d, characteristics: on ? [...d.characteristics, key] : d.characteristics.filter((c) => c !== key) }));

  const submit = useCallback(async () => {
    submission.clearFailure();
    const input: EqiaInput = { ...draft, reviewDate: draft.reviewDate || null, ownerId: existing?.ownerId ?? null };
    const checked = checkEqia(input, { localCharacteristics: local });
    const problems = checked.ok ? {} : fieldErrors(checked.problems, EQIA_FIELD_NAMES, "title");
    setErrors(problems);
    if (!checked.ok) {
      announce(`The assessment was not saved: ${Object.values(problems).join("; ")}`);
      return;
    }
    let id = 0;
    const saved = await submission.submit(
      { saying: "Saving the assessment…", conflictTitle: "Not saved: someone else changed this assessment", notSaved: "The assessment was not saved." },
      async (submissionKey) => {
        id = await saveEqia(api, existing, input, local, submissionKey);
        return `Assessment saved: ${checked.eqia.title}.`;
      },
    );
    if (saved) await onSaved(id);
  }, [draft, existing, local, announce, api, onSaved, submission]);

  return { draft, change, toggle, local, errors, saving: submission.saving, failure: submission.failure, submit };
}

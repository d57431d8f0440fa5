/** State of "Add evidence": the fields, the domain's check (each problem under its field, naming it), the save. */
import { useCallback, useState } from "react";
import { checkEvidence, type EvidenceInput } from "../../../domain/evidence.ts";
import type { MeasureProblem } from "../../../domain/indicators.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { describeError } from "../../lib/errors.ts";
import { saveEvidence } from "./add-evidence.ts";
import type { ActionEvidenceProps } from "./evidence.types.ts";

export type EvidenceField = keyof EvidenceInput;
export type EvidenceErrors = Partial<Record<EvidenceField, string>>;

const FIELD_NAMES: Record<EvidenceField, string> = { title: "Title", link: "Link", type: "Type", date: "Date" };

function errorsOf(problems: readonly MeasureProblem[]): EvidenceErrors {
  const out: EvidenceErrors = {};
  for (const p of problems) {
    const f = (p.field in FIELD_NAMES ? p.field : "title") as EvidenceField;
    out[f] ??= `${FIELD_NAMES[f]}: ${p.message}`;
  }
  return out;
}

export function useAddEvidenceForm({ action, reload }: Pick<ActionEvidenceProps, "action" | "reload">) {
  const { sp, me, now, announce } = useAppContext();
  const blank = useCallback((): EvidenceInput => ({ title: "", link: "", type: "data", date: londonDate(now()) }), [now]);
  const [input, setInput] = useState<EvidenceInput>(blank);
  const [errors, setErrors] = useState<EvidenceErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ title: string; detail: string } | null>(null);
  const [submissionKey, setSubmissionKey] = useState(() => crypto.randomUUID());

  const change = (patch: Partial<EvidenceInput>) => setInput((i) => ({ ...i, ...patch }));

  const submit = useCallback(async () => {
    setFailure(null);
    const checked = checkEvidence(input);
    if (!checked.ok) {
      const e = errorsOf(checked.problems);
      setErrors(e);
      announce(`The evidence was not saved: ${Object.values(e).join("; ")}`);
      return;
    }
    setErrors({});
    setSaving(true);
    announce("Saving the evidence…");
    try {
      await saveEvidence(sp, { id: action.id, planId: action.planId }, input, me, submissionKey);
      setInput(blank());
      setSubmissionKey(crypto.randomUUID());
      await reload().catch(() => undefined);
      announce(`Evidence added: ${checked.evidence.title}.`);
    } catch (err) {
      const e = describeError(err);
      setFailure({ title: e.title, detail: e.detail });
      announce(`The evidence was not saved. ${e.detail}`);
    } finally {
      setSaving(false);
    }
  }, [input, announce, sp, action.id, action.planId, me, submissionKey, blank, reload]);

  return { input, change, errors, saving, failure, submit };
}

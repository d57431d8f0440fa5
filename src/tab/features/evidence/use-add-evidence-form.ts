/** State of "Add evidence": the fields, the domain's check (each problem under its field, naming it), the save. */
import { useCallback, useState } from "react";
import { checkEvidence, type EvidenceInput } from "../../../domain/evidence.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { useSubmission } from "../../hooks/use-submission.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { fieldErrors } from "../../lib/field-errors.ts";
import { saveEvidence } from "./add-evidence.ts";
import type { ActionEvidenceProps } from "./evidence.types.ts";

export type EvidenceField = keyof EvidenceInput;

const FIELD_NAMES: Record<EvidenceField, string> = { title: "Title", link: "Link", type: "Type", date: "Date" };

export function useAddEvidenceForm({ action, reload }: Pick<ActionEvidenceProps, "action" | "reload">) {
  const { api, now, announce } = useAppContext();
  const blank = useCallback((): EvidenceInput => ({ title: "", link: "", type: "data", date: londonDate(now()) }), [now]);
  const [input, setInput] = useState<EvidenceInput>(blank);
  const [errors, setErrors] = useState<Partial<Record<EvidenceField, string>>>({});
  const submission = useSubmission();

  const change = (patch: Partial<EvidenceInput>) => setInput((i) => ({ ...i, ...patch }));

  const submit = useCallback(async () => {
    submission.clearFailure();
    const checked = checkEvidence(input);
    const problems = checked.ok ? {} : fieldErrors(checked.problems, FIELD_NAMES, "title");
    setErrors(problems);
    if (!checked.ok) {
      announce(`The evidence was not saved: ${Object.values(problems).join("; ")}`);
      return;
    }
    const saved = await submission.submit(
      { saying: "Saving the evidence…", conflictTitle: "Not saved: the action changed", notSaved: "The evidence was not saved." },
      async (submissionKey) => {
        await saveEvidence(api, { id: action.id }, input, submissionKey);
        await reload().catch(() => undefined);
        return `Evidence added: ${checked.evidence.title}.`;
      },
    );
    if (saved) setInput(blank());
  }, [input, announce, api, action.id, blank, reload, submission]);

  return { input, change, errors, saving: submission.saving, failure: submission.failure, submit };
}

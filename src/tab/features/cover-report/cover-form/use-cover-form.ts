/**
 * State of the covering report form: the draft, the save (problems listed before anything is written), and the
 * conflict path: someone saved meanwhile, so nothing is written, the form keeps the lead's words, says which
 * parts they changed, and offers to lay the lead's changes onto the saved version.
 */
import { useCallback, useRef, useState } from "react";
import type { CoverReportRecord } from "../../../../data/cover-reports/mapping.ts";
import { getCoverReport } from "../../../../data/cover-reports/repository.ts";
import { type CoverReportInput, coverReportProblems } from "../../../../domain/cover-report.ts";
import { useAppContext } from "../../../lib/app-context.tsx";
import { describeError } from "../../../lib/errors.ts";
import { type CoverDraft, changedParts, coverOf, draftOf, problemInWords, reapply } from "../cover-draft.ts";
import { saveCover } from "../cover-report-writes.ts";
import type { CoverFormProps, CoverSaveState } from "./cover-form.types.ts";

export function useCoverForm({ planId, record, start }: CoverFormProps) {
  const { sp, api, announce } = useAppContext();
  const [draft, setDraft] = useState<CoverDraft>(() => draftOf(start));
  const [base, setBase] = useState<CoverReportInput>(start);
  const [existing, setExisting] = useState<CoverReportRecord | null>(record);
  const [state, setState] = useState<CoverSaveState>({ name: "idle" });
  const noticeRef = useRef<HTMLDivElement>(null);
  // After the notice has rendered: focus goes to what stopped the save.
  const focusNotice = useCallback(() => setTimeout(() => noticeRef.current?.focus(), 0), []);

  const change = useCallback((f: (d: CoverDraft) => CoverDraft) => setDraft((d) => f(d)), []);

  const save = useCallback(
    async (input: CoverReportInput = coverOf(draft), over: { base: CoverReportInput; existing: CoverReportRecord | null } = { base, existing }) => {
      const problems = coverReportProblems(input).map(problemInWords);
      if (problems.length) {
        setState({ name: "problems", problems });
        announce(`Not saved: the covering report has ${problems.length} problem(s).`);
        focusNotice();
        return;
      }
      setState({ name: "saving" });
      announce("Saving the covering report…");
      try {
        const saved = await saveCover(api, planId, input, over.existing);
        setExisting(saved);
        setBase(saved.cover);
        setState({ name: "saved" });
        announce("Covering report saved.");
      } catch (err) {
        if ((err as { reason?: string }).reason === "conflict") {
          const theirs = await getCoverReport(sp, planId, input.period).catch(() => null);
          const theirChanges = theirs ? changedParts(over.base, theirs.cover) : [];
          setState({ name: "conflict", theirs, theirChanges, myChanges: changedParts(over.base, input) });
          announce("Not saved: someone else saved this covering report since you opened it. Your words are kept.");
          focusNotice();
        } else {
          const e = describeError(err);
          setState({ name: "failed", message: `${e.title}. ${e.detail}` });
          announce(`Not saved: ${e.title}.`);
          focusNotice();
        }
      }
    },
    [draft, base, existing, sp, api, planId, announce, focusNotice],
  );

  /** The lead's changes (against what they opened) laid onto the version saved meanwhile, then saved with its ETag. */
  const reapplyAndSave = useCallback(async () => {
    if (state.name !== "conflict" || !state.theirs) return;
    const theirs = state.theirs;
    const merged = reapply(base, coverOf(draft), theirs.cover);
    setDraft(draftOf(merged));
    setBase(theirs.cover);
    setExisting(theirs);
    await save(merged, { base: theirs.cover, existing: theirs });
  }, [state, base, draft, save]);

  return { draft, change, state, save, reapplyAndSave, noticeRef, existing };
}

/**
 * One form's submission: the busy state, what went wrong, and the submission key, made once and reused on every
 * retry (a retry after a lost answer finds its first attempt instead of writing twice) and renewed once saved. The
 * live region says "Saving…", then what was saved or why not.
 */
import { useCallback, useState } from "react";
import { useAppContext } from "../lib/app-context.tsx";
import { describeError } from "../lib/errors.ts";

export interface SubmitOptions {
  /** "Saving the value…" */
  saying: string;
  /** The title of the failure when another person's change got there first. */
  conflictTitle: string;
  /** "The value was not saved." */
  notSaved: string;
  /** Also after a conflict (the view re-reads what is there now). */
  onConflict?: () => Promise<void>;
}

export function useSubmission() {
  const { announce } = useAppContext();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ title: string; detail: string } | null>(null);
  const [submissionKey, setSubmissionKey] = useState(() => crypto.randomUUID());

  /** Runs `save` with the key; resolves true once saved (its result is what is announced). */
  const submit = useCallback(
    async (o: SubmitOptions, save: (key: string) => Promise<string>): Promise<boolean> => {
      setFailure(null);
      setSaving(true);
      announce(o.saying);
      try {
        const said = await save(submissionKey);
        setSubmissionKey(crypto.randomUUID());
        announce(said);
        return true;
      } catch (err) {
        const e = describeError(err);
        const conflict = e.reason === "conflict";
        // Someone else's change is final for this submission: the next attempt is a new one.
        if (conflict) setSubmissionKey(crypto.randomUUID());
        setFailure({ title: conflict ? o.conflictTitle : e.title, detail: e.detail });
        announce(`${o.notSaved} ${e.detail}`);
        if (conflict) await o.onConflict?.().catch(() => undefined);
        return false;
      } finally {
        setSaving(false);
      }
    },
    [announce, submissionKey],
  );

  return { saving, failure, submit, clearFailure: () => setFailure(null) };
}

/**
 * "Remove" in the evidence list: the first press asks to confirm (naming the evidence), the second removes it
 * through the server with the ETag it was read with. Someone's change in between removes nothing: the list is read
 * again and the person is told why. Focus goes to the confirmation, and back to the panel's heading when it closes.
 */
import { useCallback, useState } from "react";
import type { Evidence } from "../../../domain/evidence.ts";
import { useSubmission } from "../../hooks/use-submission.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { removeEvidence } from "./add-evidence.ts";
import type { ActionEvidenceProps } from "./evidence.types.ts";

export function useRemoveEvidence({ action, reload }: Pick<ActionEvidenceProps, "action" | "reload">) {
  const { api } = useAppContext();
  const [asking, setAsking] = useState<Evidence | null>(null);
  const submission = useSubmission();

  const ask = (e: Evidence) => {
    submission.clearFailure();
    setAsking(e);
  };
  /** Back to the panel's heading: the row's button may be gone, and focus must not fall to the page's start. */
  const close = useCallback(() => {
    setAsking(null);
    document.getElementById("evidence-title")?.focus();
  }, []);
  const cancel = close;

  const confirm = useCallback(async () => {
    if (!asking) return;
    const e = asking;
    const done = await submission.submit(
      { saying: "Removing the evidence…", conflictTitle: "Not removed: the evidence changed", notSaved: "The evidence was not removed.", onConflict: reload },
      async () => {
        await removeEvidence(api, { id: action.id }, e);
        await reload().catch(() => undefined);
        return `Evidence removed: ${e.title}.`;
      },
    );
    if (done) close();
  }, [asking, submission, api, action.id, reload, close]);

  return { asking, ask, cancel, confirm, removing: submission.saving, failure: submission.failure };
}

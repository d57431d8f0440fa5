/**
 * State of the "Add update" form: the draft (persisted per action), validation, the save with its busy state and
 * announcements, and the conflict path (412: re-read, show what changed, re-apply without retyping).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ActionRecord } from "../../../../data/actions/mapping.ts";
import { shortTitle } from "../../../../data/values.ts";
import { londonDate } from "../../../../domain/london-time.ts";
import { initialChoosableStatus } from "../../../../domain/status.ts";
import type { ActionStatus } from "../../../../domain/types.ts";
import { seenOf } from "../../../lib/api-client.ts";
import { useAppContext } from "../../../lib/app-context.tsx";
import { describeError } from "../../../lib/errors.ts";
import { diffAction, type FieldChange } from "../action-diff.ts";
import { clearDraft, loadDraft, newSubmissionKey, saveDraft, type UpdateDraft } from "../draft-store.ts";
import type { AddUpdateFormProps, UpdateFormErrors } from "./add-update-form.types.ts";
import { useUpdateValues } from "./use-update-values.ts";
import { markupWarning, validateUpdate } from "./validate-update.ts";

export type SaveState = { name: "idle" } | { name: "saving" } | { name: "conflict"; changes: FieldChange[] } | { name: "failed"; error: unknown };

function freshDraft(status: ActionStatus | ""): UpdateDraft {
  return { text: "", status: status === "" ? "" : (initialChoosableStatus(status) ?? ""), requestNewDate: false, requestedDueDate: "", submissionKey: newSubmissionKey() };
}

export function useAddUpdateForm({ action, onSaved, refresh }: AddUpdateFormProps) {
  const { api, me, now, config, announce } = useAppContext();
  const scope = useMemo(() => ({ siteUrl: config.siteUrl, personId: me.id, actionId: action.id }), [config.siteUrl, me.id, action.id]);
  const [draft, setDraft] = useState<UpdateDraft>(() => loadDraft(scope) ?? freshDraft(action.status));
  const [restored] = useState(() => loadDraft(scope) !== null);
  const [submitted, setSubmitted] = useState(false);
  const [save, setSave] = useState<SaveState>({ name: "idle" });
  const [storageOk, setStorageOk] = useState(true);
  const actionRef = useRef(action);
  actionRef.current = action;

  const today = londonDate(now());
  const values = useUpdateValues(action.id, today);
  const errors: UpdateFormErrors = submitted ? validateUpdate(draft, today) : {};
  const warning = markupWarning(draft.text);

  const change = useCallback(
    (patch: Partial<UpdateDraft>) =>
      setDraft((d) => {
        const next = { ...d, ...patch };
        setStorageOk(saveDraft(scope, next));
        return next;
      }),
    [scope],
  );

  // A draft kept from an earlier visit is worth saying once.
  useEffect(() => {
    if (restored) announce("Your unsaved update to this action was restored.");
  }, [restored, announce]);

  const submit = useCallback(
    async (base: ActionRecord = actionRef.current) => {
      setSubmitted(true);
      const problems = validateUpdate(draft, londonDate(now()));
      // The figures are checked too, so that a wrong one stops the whole update here, as the server would.
      const figures = values.check();
      if (problems.text || problems.status || problems.requestedDueDate || figures === null) {
        announce("The update was not saved: check the highlighted fields.");
        return false;
      }
      setSave({ name: "saving" });
      announce("Saving your update…");
      try {
        // The server writes it, as the signed-in person, after checking they may (a new date is a proposal).
        const result = await api.addUpdate(base.id, {
          text: draft.text,
          status: draft.status as Exclude<UpdateDraft["status"], "">,
          requestedDueDate: draft.requestNewDate ? draft.requestedDueDate : null,
          submissionKey: draft.submissionKey,
          seen: seenOf(base),
          ...(figures.length ? { values: figures } : {}),
        });
        values.clear();
        clearDraft(scope);
        setDraft(freshDraft(draft.status));
        setSubmitted(false);
        setSave({ name: "idle" });
        // Saved: a failure to re-read the page afterwards must not be reported as a failed save.
        try {
          await onSaved(result);
          announce(result.message);
        } catch {
          announce("Update saved. The page could not be refreshed: reload it to see the latest.");
        }
        return true;
      } catch (error) {
        if ((error as { reason?: string }).reason === "conflict") {
          try {
            const fresh = await refresh();
            // A retry after a save whose answer was lost: the action carries our own update, which is already there.
            if (fresh.action.lastUpdateSummary === shortTitle(draft.text) && fresh.updates.some((u) => u.authorId === me.id && u.text === draft.text)) {
              clearDraft(scope);
              setDraft(freshDraft(draft.status));
              setSubmitted(false);
              setSave({ name: "idle" });
              announce("Update saved.");
              return true;
            }
            const changes = diffAction(base, fresh.action);
            setSave({ name: "conflict", changes });
            announce(`Not saved: someone else changed this action. ${changes.length} field(s) changed. Your text is kept; review and re-apply.`);
          } catch (reloadError) {
            setSave({ name: "failed", error: reloadError });
            announce(`Not saved: ${describeError(reloadError).title}.`);
          }
        } else {
          setSave({ name: "failed", error });
          announce(`Not saved: ${describeError(error).title}. Your text is kept.`);
        }
        return false;
      }
    },
    [draft, api, me, now, scope, onSaved, refresh, announce, values],
  );

  return { draft, change, errors, warning, save, submit, storageOk, restored, today, values };
}

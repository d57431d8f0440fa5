/**
 * State of one update's approval: the mode (view, edit, withhold), the text and reason being written, the save with
 * its busy state and announcements, and the conflict path: a decision taken on a stale copy writes nothing, the
 * update is read again and shown as it is now, and what the lead typed stays in the form.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { getUpdate } from "../../../../data/updates/publication.ts";
import { PublicationError, publicationView } from "../../../../domain/publication.ts";
import { useAppContext } from "../../../lib/app-context.tsx";
import { describeError } from "../../../lib/errors.ts";
import { approveOne, withholdOne } from "../publication-writes.ts";
import type { ApprovalFormProps, ApprovalMode } from "./approval-form.types.ts";

export type Decision = "approve" | "approve-edited" | "withhold";

export function useApprovalForm({ update, reviewer, onDecided, actionLabel }: ApprovalFormProps) {
  const { sp, api, now, announce } = useAppContext();
  const view = publicationView(update);
  const [mode, setMode] = useState<ApprovalMode>("view");
  const [text, setText] = useState(() => view.publishedText ?? update.text);
  const [reason, setReason] = useState(() => view.withheldReason ?? "");
  const [busy, setBusy] = useState<Decision | null>(null);
  const [fieldError, setFieldError] = useState<{ text?: string; reason?: string }>({});
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const [moved, setMoved] = useState(false);

  // The button pressed to change mode is replaced by the mode's own controls: focus follows to the field opened,
  // and back to the update on Cancel, so a keyboard user never lands on the page's top.
  useEffect(() => {
    if (!moved) return;
    if (mode === "edit") textRef.current?.focus();
    else if (mode === "withhold") reasonRef.current?.focus();
    else rootRef.current?.focus();
  }, [mode, moved]);
  const changeMode = useCallback((m: ApprovalMode) => {
    setMoved(true);
    setMode(m);
  }, []);

  const decide = useCallback(
    async (decision: Decision) => {
      setBusy(decision);
      setNotice(null);
      setFieldError({});
      announce(decision === "withhold" ? "Withholding the update…" : "Approving the update…");
      try {
        const saved =
          decision === "withhold"
            ? await withholdOne(api, update, reviewer, now(), reason)
            : await approveOne(api, update, reviewer, now(), decision === "approve-edited" ? text : undefined);
        setMode("view");
        announce(decision === "withhold" ? `Withheld: ${actionLabel}.` : `Approved for publication: ${actionLabel}.`);
        onDecided(saved);
        // The button pressed is gone with the decision: focus stays on this update, which now says its state.
        rootRef.current?.focus();
      } catch (err) {
        const refused = err as { reason?: string; field?: string; message?: string };
        if (err instanceof PublicationError || (refused.reason === "invalid" && (refused.field === "text" || refused.field === "reason"))) {
          // The same words whether the check ran here first or on the server.
          const field = err instanceof PublicationError ? (err.reason === "invalid-reason" ? "reason" : err.reason === "invalid-text" ? "text" : null) : refused.field;
          const message = String(refused.message);
          setFieldError(field === "reason" ? { reason: message } : field === "text" ? { text: message } : {});
          if (!field) setNotice(message);
          announce(`Not saved: ${message}`);
        } else if (refused.reason === "conflict") {
          // Someone decided (or edited the update) meanwhile: show it as it is now; the lead's words stay typed.
          const message = "Someone changed this update since the list was read: it is shown below as it is now. Your words are kept; decide again.";
          setNotice(message);
          announce(message);
          try {
            onDecided(await getUpdate(sp, update.id));
          } catch {
            // The notice already says to decide again; the list's own retry reads everything afresh.
          }
          noticeRef.current?.focus();
        } else {
          const e = describeError(err);
          setNotice(`${e.title}. ${e.detail}`);
          announce(`Not saved: ${e.title}.`);
        }
      } finally {
        setBusy(null);
      }
    },
    [sp, api, update, reviewer, now, reason, text, announce, onDecided, actionLabel],
  );

  return { view, mode, setMode: changeMode, textRef, reasonRef, text, setText, reason, setReason, busy, fieldError, notice, noticeRef, rootRef, decide };
}

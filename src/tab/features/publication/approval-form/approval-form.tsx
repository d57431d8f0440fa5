/**
 * One progress update before the equalities lead: the action, who wrote it and when, the text as written, its
 * publication state (and the words published, when approved), and the decisions: approve as written, edit then
 * approve (the original is kept), or withhold with a reason. Native buttons and Fluent fields, keyboard alone.
 */
import { Button, Field, Input, Spinner, Textarea } from "@fluentui/react-components";
import { useId } from "react";
import { formatLongDate } from "../../../../domain/dates.ts";
import { londonDate } from "../../../../domain/london-time.ts";
import { useApprovalFormStyles } from "./approval-form.styles.ts";
import type { ApprovalFormProps } from "./approval-form.types.ts";
import { useApprovalForm } from "./use-approval-form.ts";

export type { ApprovalFormProps };

const dayOf = (date: string) => formatLongDate(/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : londonDate(date));

export function ApprovalForm(props: ApprovalFormProps) {
  const { update, actionLabel } = props;
  const s = useApprovalFormStyles();
  const f = useApprovalForm(props);
  const headingId = useId();
  const author = update.author?.name ?? update.authorName;
  const busy = f.busy !== null;
  const spin = (on: boolean) => (on ? <Spinner size="extra-tiny" /> : undefined);

  return (
    <article ref={f.rootRef} tabIndex={-1} className={s.root} aria-labelledby={headingId} data-update-id={update.id} data-state={f.view.state}>
      <h3 id={headingId} className={s.h3}>
        {actionLabel}
      </h3>
      <div className={s.meta}>
        Update of {dayOf(update.date)}
        {author ? ` by ${author}` : ""} · {f.view.label}
      </div>
      <span className={s.label}>As written</span>
      <blockquote className={s.quote}>{update.text}</blockquote>
      {f.view.state === "approved" && f.view.edited && (
        <>
          <span className={s.label}>Published as edited</span>
          <p className={s.text}>{f.view.publishedText}</p>
        </>
      )}
      {f.view.state === "withheld" && <p className={s.text}>Withheld: {f.view.withheldReason}</p>}
      {f.notice && (
        <div ref={f.noticeRef} tabIndex={-1} role="alert" className={s.notice}>
          {f.notice}
        </div>
      )}

      {f.mode === "edit" && (
        <Field label="Text to publish" hint="The original stays on the update as written." validationMessage={f.fieldError.text} validationState={f.fieldError.text ? "error" : "none"}>
          <Textarea ref={f.textRef} value={f.text} onChange={(_, d) => f.setText(d.value)} resize="vertical" rows={5} />
        </Field>
      )}
      {f.mode === "withhold" && (
        <Field
          label="Reason for withholding"
          hint="Kept with the update for the EDI group; up to 255 characters."
          validationMessage={f.fieldError.reason}
          validationState={f.fieldError.reason ? "error" : "none"}
        >
          <Input ref={f.reasonRef} value={f.reason} onChange={(_, d) => f.setReason(d.value)} />
        </Field>
      )}

      <div className={s.buttons}>
        {f.mode === "view" && (
          <>
            {f.view.state !== "approved" && (
              <Button appearance="primary" disabledFocusable={busy} icon={spin(f.busy === "approve")} onClick={() => f.decide("approve")}>
                Approve as written
              </Button>
            )}
            <Button disabledFocusable={busy} onClick={() => f.setMode("edit")}>
              {f.view.state === "approved" ? "Edit the published text" : "Edit, then approve"}
            </Button>
            {f.view.state !== "withheld" && (
              <Button disabledFocusable={busy} onClick={() => f.setMode("withhold")}>
                Withhold…
              </Button>
            )}
          </>
        )}
        {f.mode === "edit" && (
          <>
            <Button appearance="primary" disabledFocusable={busy} icon={spin(f.busy === "approve-edited")} onClick={() => f.decide("approve-edited")}>
              Approve with my edit
            </Button>
            <Button disabledFocusable={busy} onClick={() => f.setMode("view")}>
              Cancel
            </Button>
          </>
        )}
        {f.mode === "withhold" && (
          <>
            <Button appearance="primary" disabledFocusable={busy} icon={spin(f.busy === "withhold")} onClick={() => f.decide("withhold")}>
              Withhold the update
            </Button>
            <Button disabledFocusable={busy} onClick={() => f.setMode("view")}>
              Cancel
            </Button>
          </>
        )}
      </div>
    </article>
  );
}

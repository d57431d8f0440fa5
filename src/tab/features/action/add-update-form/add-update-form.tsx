/**
 * "Add update": what has happened, the status it leaves the action in, and optionally a request for a new date.
 * Keyboard-only friendly (native controls, labels, inline messages tied to their fields), never a frozen button
 * (busy state + announcements), and nothing lost: the draft persists, a conflict keeps the text and offers re-apply.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Textarea,
} from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { ACTION_STATUS_LABELS, CHOOSABLE_ACTION_STATUSES, type ChoosableActionStatus, MULTI_LINE_MAX } from "../../../../domain/types.ts";
import { ErrorPanel } from "../../../components/error-panel/error-panel.tsx";
import type { AddUpdateFormProps } from "./add-update-form.types.ts";
import { useAddUpdateFormStyles } from "./add-update-form.styles.ts";
import { UpdateValues } from "./update-values.tsx";
import { useAddUpdateForm } from "./use-add-update-form.ts";

export function AddUpdateForm(props: AddUpdateFormProps) {
  const s = useAddUpdateFormStyles();
  const f = useAddUpdateForm(props);
  const conflictRef = useRef<HTMLElement>(null);
  const saving = f.save.name === "saving";

  useEffect(() => {
    if (f.save.name === "conflict") conflictRef.current?.focus();
  }, [f.save.name]);

  return (
    <form
      className={s.form}
      aria-labelledby="add-update-title"
      noValidate
      onFocus={f.values.want}
      onSubmit={(e) => {
        e.preventDefault();
        if (!saving) void f.submit();
      }}
    >
      <h2 id="add-update-title" className={s.h2}>
        Add update
      </h2>
      {f.save.name === "conflict" && (
        <section ref={conflictRef} tabIndex={-1} aria-labelledby="conflict-title">
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle id="conflict-title">Not saved: someone else changed this action while you were writing</MessageBarTitle>
              Your update is kept below. What changed:
              <ul className={s.changes}>
                {f.save.changes.length === 0 && <li>Nothing you can see (a change to the item itself).</li>}
                {f.save.changes.map((c) => (
                  <li key={c.field} className={s.change}>
                    {c.field}: was “{c.before}”, now “{c.after}”
                  </li>
                ))}
              </ul>
            </MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={() => void f.submit()}>
                Re-apply my update
              </Button>
            </MessageBarActions>
          </MessageBar>
        </section>
      )}
      {f.save.name === "failed" && <ErrorPanel error={f.save.error} onRetry={() => void f.submit()} retryLabel="Try saving again" />}
      {f.restored && f.draft.text && f.save.name === "idle" && (
        <MessageBar intent="info">
          <MessageBarBody>Your unsaved update was restored.</MessageBarBody>
        </MessageBar>
      )}
      <Field
        label="What has happened"
        required
        validationMessage={f.errors.text ?? f.warning}
        validationState={f.errors.text ? "error" : f.warning ? "warning" : "none"}
        hint={`${f.draft.text.length.toLocaleString("en-GB")} of ${MULTI_LINE_MAX.toLocaleString("en-GB")} characters`}
      >
        <Textarea value={f.draft.text} onChange={(_, d) => f.change({ text: d.value })} resize="vertical" rows={5} />
      </Field>
      <Field
        label="Status after this update"
        required={f.draft.status === ""}
        validationMessage={f.errors.status}
        validationState={f.errors.status ? "error" : "none"}
      >
        <Select value={f.draft.status} onChange={(_, d) => f.change({ status: d.value as ChoosableActionStatus })}>
          {f.draft.status === "" && (
            <option value="" disabled>
              Choose a status (none recorded yet)
            </option>
          )}
          {CHOOSABLE_ACTION_STATUSES.map((st) => (
            <option key={st} value={st}>
              {ACTION_STATUS_LABELS[st]}
            </option>
          ))}
        </Select>
      </Field>
      <Checkbox
        label="Ask for a new delivery date"
        checked={f.draft.requestNewDate}
        onChange={(_, d) => f.change({ requestNewDate: d.checked === true })}
      />
      {f.draft.requestNewDate && (
        <Field
          label="New date requested"
          required
          validationMessage={f.errors.requestedDueDate}
          validationState={f.errors.requestedDueDate ? "error" : "none"}
          hint="The EDI group decides on date changes at review."
        >
          <Input type="date" min={f.today} value={f.draft.requestedDueDate} onChange={(_, d) => f.change({ requestedDueDate: d.value })} />
        </Field>
      )}
      <UpdateValues v={f.values} />
      {!f.storageOk && (
        <MessageBar intent="warning">
          <MessageBarBody>This browser is not keeping a copy of your draft; save before leaving the page.</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.row}>
        <Button type="submit" appearance="primary" disabledFocusable={saving} icon={saving ? <Spinner size="tiny" /> : undefined} aria-busy={saving}>
          {saving ? "Saving…" : "Save update"}
        </Button>
      </div>
    </form>
  );
}

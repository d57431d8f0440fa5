/**
 * A form's submit button and what became of the last attempt: while saving it shows a spinner and stays focusable
 * (never a frozen, unfocusable button), and a failure is said under it in words.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { useSubmitRowStyles } from "./submit-row.styles.ts";
import type { SubmitRowProps } from "./submit-row.types.ts";

export type { SubmitRowProps };

export function SubmitRow({ label, saving, disabled, failure, children }: SubmitRowProps) {
  const s = useSubmitRowStyles();
  return (
    <>
      <div className={s.row}>
        <Button type="submit" appearance="primary" disabled={disabled} disabledFocusable={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
          {saving ? "Saving…" : label}
        </Button>
        {children}
      </div>
      {failure && (
        <MessageBar intent="error" className={s.failure}>
          <MessageBarBody>
            <MessageBarTitle>{failure.title}</MessageBarTitle>
            {failure.detail}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** A failed load or write: what happened, why (DataError.reason) and a retry button. Announced as an alert. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { describeError } from "../../app/errors.ts";

export interface ErrorPanelProps {
  error: unknown;
  onRetry?: () => void;
  retryLabel?: string;
}

export function ErrorPanel({ error, onRetry, retryLabel = "Try again" }: ErrorPanelProps) {
  const e = describeError(error);
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-reason={e.reason}>
      <MessageBarBody>
        <MessageBarTitle>{e.title}</MessageBarTitle>
        {e.detail}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{retryLabel}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

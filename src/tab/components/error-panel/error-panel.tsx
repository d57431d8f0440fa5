/** A failed load or write: what happened, why (DataError.reason) and a retry button. Announced as an alert. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ErrorPanelProps } from "./error-panel.types.ts";
import { useErrorPanel } from "./use-error-panel.ts";

export type { ErrorPanelProps };

export function ErrorPanel(props: ErrorPanelProps) {
  const e = useErrorPanel(props);
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-reason={e.reason}>
      <MessageBarBody>
        <MessageBarTitle>{e.title}</MessageBarTitle>
        {e.detail}
      </MessageBarBody>
      {props.onRetry && (
        <MessageBarActions>
          <Button onClick={props.onRetry}>{e.retryLabel}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

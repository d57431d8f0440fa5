/**
 * ErrorPanel for views in the first bundle: errors are rare, so the message bar's code loads only when one happens.
 * Until it arrives the same words show as a plain alert.
 */
import { lazy, Suspense } from "react";
import { describeError } from "../../app/errors.ts";
import type { ErrorPanelProps } from "./error-panel.tsx";

const Panel = lazy(() => import("./error-panel.tsx").then((m) => ({ default: m.ErrorPanel })));

export function LazyErrorPanel(props: ErrorPanelProps) {
  const e = describeError(props.error);
  return (
    <Suspense
      fallback={
        <div role="alert">
          {e.title}: {e.detail}
        </div>
      }
    >
      <Panel {...props} />
    </Suspense>
  );
}

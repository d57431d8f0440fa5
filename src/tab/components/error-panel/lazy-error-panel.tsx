/**
 * ErrorPanel for views in the first bundle: errors are rare, so the message bar's code loads only when one happens.
 * Until it arrives the same words show as a plain alert.
 */
import { lazy, Suspense } from "react";
import { useErrorPanelStyles } from "./error-panel.styles.ts";
import type { ErrorPanelProps } from "./error-panel.types.ts";
import { useErrorPanel } from "./use-error-panel.ts";

const Panel = lazy(() => import("./error-panel.tsx").then((m) => ({ default: m.ErrorPanel })));

export function LazyErrorPanel(props: ErrorPanelProps) {
  const s = useErrorPanelStyles();
  const e = useErrorPanel(props);
  return (
    <Suspense
      fallback={
        <div role="alert" className={s.fallback}>
          {e.title}: {e.detail}
        </div>
      }
    >
      <Panel {...props} />
    </Suspense>
  );
}

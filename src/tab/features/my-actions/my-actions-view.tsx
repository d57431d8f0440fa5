/**
 * "My actions" (the default view): the actions I am accountable for, grouped overdue / due within 30 days / later /
 * no date, each with its last update and how old it is. It shows the first read (one $batch with the EDI group and
 * the plans) or, on a repeat visit, this device's copy marked with its age until that read replaces it. Coming back
 * to the view reads again while the list stays on screen.
 */
import { Button } from "@fluentui/react-components";
import { useEffect } from "react";
import { actionTabRoute } from "../../../domain/deep-links.ts";
import { groupMyActions } from "../../../domain/status.ts";
import { ActionSummary } from "../../components/action-summary/action-summary.tsx";
import { LazyErrorPanel as ErrorPanel } from "../../components/error-panel/lazy-error-panel.tsx";
import { useAppContext } from "../../lib/app-context.tsx";
import { sinceText } from "../../lib/format.ts";
import { useMyActionsStyles } from "./my-actions.styles.ts";
import { useFreshnessAnnouncements } from "./use-freshness-announcements.ts";

/** A read finished this recently is not repeated when the view opens. */
const REREAD_AFTER_MS = 10_000;

export function MyActionsView() {
  const s = useMyActionsStyles();
  const { now, plan, myActions, announce } = useAppContext();
  const { refresh } = myActions;
  useEffect(() => refresh({ ifOlderThanMs: REREAD_AFTER_MS }), [refresh]);
  useFreshnessAnnouncements(myActions, announce);

  const at = now();
  // Actions of closed plans are history: "my actions" is about the plan being delivered.
  const mine = plan ? myActions.actions.filter((a) => a.planId === plan.id) : myActions.actions;
  const groups = groupMyActions(mine, at);
  const age = sinceText(Date.now() - Date.parse(myActions.readAt));
  return (
    <section className={s.root} aria-labelledby="my-actions-title" data-freshness={myActions.freshness}>
      <div className={s.top}>
        <h1 id="my-actions-title" className={s.h1}>
          My actions
        </h1>
        <Button onClick={() => refresh()} disabledFocusable={myActions.refreshing}>
          {myActions.refreshing ? "Refreshing…" : "Refresh"}
        </Button>
      </div>
      {(myActions.freshness === "cached" || myActions.refreshError !== null) && (
        <p className={s.freshness} data-testid="freshness">
          Updated {age}
          {myActions.refreshError !== null ? ". Could not refresh." : myActions.refreshing ? ". Refreshing…" : "."}
        </p>
      )}
      {myActions.refreshError !== null && <ErrorPanel error={myActions.refreshError} onRetry={() => refresh()} />}
      {groups.length === 0 ? (
        <p className={s.empty}>You have no open actions{plan ? ` in ${plan.title}` : ""}.</p>
      ) : (
        groups.map((g) => (
          <section key={g.bucket} aria-labelledby={`group-${g.bucket}`} data-group={g.bucket}>
            <h2 id={`group-${g.bucket}`} className={s.h2}>
              {g.title} ({g.actions.length})
            </h2>
            <ul className={s.list}>
              {g.actions.map((a) => (
                <li key={a.id}>
                  <ActionSummary action={a} now={at} href={actionTabRoute(a.id)} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}

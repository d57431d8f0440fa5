/**
 * "My actions" (the default view): the actions I am accountable for, grouped overdue / due within 30 days / later /
 * no date, each with its last update and how old it is. The first showing uses the list read at sign-in (the same
 * $batch as the EDI group and plans); coming back to the view reads it again so it is never stale.
 */
import { Button, makeStyles, Text, tokens, typographyStyles } from "@fluentui/react-components";
import type { ActionRecord } from "../../../data/actions/mapping.ts";
import { getMyActions } from "../../../data/actions/repository.ts";
import { actionTabRoute } from "../../../domain/deep-links.ts";
import { groupMyActions } from "../../../domain/status.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { ActionSummary } from "../../components/action-summary/action-summary.tsx";
import { LazyErrorPanel as ErrorPanel } from "../../components/error-panel/lazy-error-panel.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useLoad } from "../../hooks/use-load.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  h1: { ...typographyStyles.title2, margin: 0, marginRight: "auto" },
  h2: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalS}` },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** The sign-in read is shown once; later visits read afresh. */
const shown = new WeakSet<readonly ActionRecord[]>();

export function MyActionsView() {
  const s = useStyles();
  const { sp, me, now, plan, initialMyActions: initial } = useAppContext();
  const load = useLoad(async () => {
    if (initial && !shown.has(initial)) {
      shown.add(initial);
      return initial;
    }
    return getMyActions(sp, me.id);
  }, [sp, me.id]);

  if (load.state === "loading") return <ViewSkeleton label="Loading your actions" />;
  if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;
  const at = now();
  // Actions of closed plans are history: "my actions" is about the plan being delivered.
  const mine = plan ? load.data.filter((a) => a.planId === plan.id) : load.data;
  const groups = groupMyActions(mine, at);
  return (
    <section className={s.root} aria-labelledby="my-actions-title">
      <div className={s.top}>
        <h1 id="my-actions-title" className={s.h1}>
          My actions
        </h1>
        <Button onClick={load.retry}>Refresh</Button>
      </div>
      {groups.length === 0 ? (
        <Text>You have no open actions{plan ? ` in ${plan.title}` : ""}.</Text>
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

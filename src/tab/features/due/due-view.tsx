/**
 * Due and overdue across the plan, for the equalities lead and the EDI group: open actions due up to 30 days ahead
 * (including every overdue one), read by a range on the indexed DueDate column.
 */
import { Text, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { getOpenActionsDueBy } from "../../../data/actions/repository.ts";
import { addDays } from "../../../domain/dates.ts";
import { actionTabRoute } from "../../../domain/deep-links.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { DEFAULT_DUE_SOON_DAYS, groupMyActions } from "../../../domain/status.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { ActionSummary } from "../../components/action-summary/action-summary.tsx";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useLoad } from "../../hooks/use-load.ts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  h1: { ...typographyStyles.title2, margin: 0 },
  h2: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalS}` },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export default function DueView() {
  const s = useStyles();
  const { sp, plan, now, isMember } = useAppContext();
  const to = addDays(londonDate(now()), DEFAULT_DUE_SOON_DAYS);
  // Nothing is read for someone the view is not for: they see why instead.
  const load = useLoad(() => (isMember ? getOpenActionsDueBy(sp, to) : Promise.resolve([])), [sp, to, isMember]);
  if (!isMember) return <ErrorPanel error={{ reason: "forbidden", message: "Due and overdue across the plan is for the equalities lead and the EDI group." }} />;
  if (load.state === "loading") return <ViewSkeleton label="Loading due and overdue actions" />;
  if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;
  const at = now();
  const groups = groupMyActions(plan ? load.data.filter((a) => a.planId === plan.id) : load.data, at).filter((g) => g.bucket === "overdue" || g.bucket === "due-soon");
  return (
    <section className={s.root} aria-labelledby="due-title">
      <h1 id="due-title" className={s.h1}>
        Due and overdue
      </h1>
      {groups.length === 0 && <Text>No open action is overdue or due in the next {DEFAULT_DUE_SOON_DAYS} days.</Text>}
      {groups.map((g) => (
        <section key={g.bucket} aria-labelledby={`due-${g.bucket}`} data-group={g.bucket}>
          <h2 id={`due-${g.bucket}`} className={s.h2}>
            {g.title} ({g.actions.length})
          </h2>
          <ul className={s.list}>
            {g.actions.map((a) => (
              <li key={a.id}>
                <ActionSummary action={a} now={at} href={actionTabRoute(a.id)} showOwner />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

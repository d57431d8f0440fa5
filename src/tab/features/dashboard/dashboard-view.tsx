/**
 * `#/dashboard`: where the plan stands, for the equalities lead and the EDI group. Data: the plan's structure (one
 * $batch) and its actions by ID windows (index-first at any size, src/data); every figure is aggregated in the pure
 * src/domain/dashboard-model.ts and drawn twice: as a chart and as the data table beside it.
 */
import { Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { getPlanActions } from "../../../data/actions/repository.ts";
import { getPlanStructure } from "../../../data/plans/structure.ts";
import { buildDashboardModel, type DashboardModel } from "../../../domain/dashboard-model.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useLoad } from "../../hooks/use-load.ts";
import { CompletionChart, DueByMonthChart, FreshnessChart, StatusByRoleChart } from "./dashboard-charts.tsx";
import { CompletionTable, SimpleCountTable, StatusByRoleTable } from "./dashboard-tables.tsx";
import { useDashboardStyles } from "./dashboard.styles.ts";
import { ReportsPanel } from "./reports-panel.tsx";
import { TableScroll } from "../../components/data-table/table-scroll.tsx";

function ChartSection({ id, title, chart, table }: { id: string; title: string; chart: ReactNode; table: ReactNode }) {
  const s = useDashboardStyles();
  return (
    <section aria-labelledby={id} className={s.section} data-chart={id}>
      <h2 id={id} className={s.h2}>
        {title}
      </h2>
      <div className={s.pair}>
        <div className={s.chart} data-chart-body="">
          {chart}
        </div>
        <TableScroll label={title}>{table}</TableScroll>
      </div>
    </section>
  );
}

/** `indicators`: the indicator roll-up, composed in by the route table with what this view has read. */
export type DashboardIndicatorsSlot = (p: { objectives: DashboardModel["completionByObjective"]; actions: ReadonlyArray<{ id: number; objectiveId: number }> }) => ReactNode;

export default function DashboardView({ indicators }: { indicators?: DashboardIndicatorsSlot }) {
  const s = useDashboardStyles();
  const { sp, plan, now, isMember } = useAppContext();
  const load = useLoad(async () => {
    if (!plan) return null;
    const [structure, actions] = await Promise.all([getPlanStructure(sp, plan), getPlanActions(sp, plan.id)]);
    return { m: buildDashboardModel(structure.roles, structure.objectives, actions, now()), actions };
  }, [sp, plan?.id]);

  if (!isMember) return <ErrorPanel error={{ reason: "forbidden", message: "The dashboard is for the equalities lead and the EDI group." }} />;
  if (!plan) return <ErrorPanel error={{ reason: "not-found", message: "There is no plan on this site yet." }} />;
  if (load.state === "loading") return <ViewSkeleton label="Loading the dashboard" />;
  if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;
  const { m, actions } = load.data!;
  return (
    <div className={s.root}>
      <h1 className={s.h1}>Dashboard: {plan.title}</h1>
      <Text>{m.total} action(s) in this plan.</Text>
      <ChartSection id="dash-status" title="Status by role" chart={<StatusByRoleChart model={m} />} table={<StatusByRoleTable model={m} />} />
      <ChartSection
        id="dash-due"
        title="Actions due per month"
        chart={<DueByMonthChart model={m} />}
        table={<SimpleCountTable name="due-by-month" caption="Open actions due per month" label="Month" rows={m.dueByMonth} />}
      />
      <ChartSection
        id="dash-freshness"
        title="Freshness of updates"
        chart={<FreshnessChart model={m} />}
        table={
          <SimpleCountTable
            name="freshness"
            caption="Open actions by days since their last update"
            label="Since the last update"
            rows={m.freshness.map((f) => ({ key: f.bucket, label: f.label, count: f.count }))}
          />
        }
      />
      <ChartSection id="dash-completion" title="Completion by objective" chart={<CompletionChart model={m} emptyClassName={s.empty} />} table={<CompletionTable model={m} />} />
      {indicators?.({ objectives: m.completionByObjective, actions })}
      <ReportsPanel />
    </div>
  );
}

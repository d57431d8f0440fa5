/**
 * The dashboard's "Indicators against target" (split off; composed into the dashboard by the route table with the
 * objectives and actions the dashboard already read): the plan's indicators judged from the summaries their items
 * keep (src/domain's roll-up; 2 requests, never the 300,000 values), as a chart and its data table per objective.
 */
import { lazy } from "react";
import { getPlanIndicators } from "../../../data/indicators/repository.ts";
import { londonDate } from "../../../domain/london-time.ts";
import { useDataTableStyles } from "../../components/data-table/data-table.styles.ts";
import { TableScroll } from "../../components/data-table/table-scroll.tsx";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useAppContext } from "../../lib/app-context.tsx";
import { useLoad } from "../../hooks/use-load.ts";
import { ChartFrame } from "./chart-boundary.tsx";
import type { IndicatorRollupProps } from "./indicators.types.ts";
import { usePanelStyles } from "../../components/panel/panel.styles.ts";
import { useIndicatorStyles } from "./indicators.styles.ts";
import { rollupRows } from "./rollup-rows.ts";

const RollupChart = lazy(() => import("./rollup-chart.tsx"));

export default function IndicatorRollup(props: IndicatorRollupProps) {
  const s = useIndicatorStyles();
  const p = usePanelStyles();
  const dt = useDataTableStyles();
  const { sp, plan, now } = useAppContext();
  const load = useLoad(async () => (plan ? getPlanIndicators(sp, plan.id) : []), [sp, plan?.id]);
  const body = () => {
    if (load.state === "loading") return <ViewSkeleton label="Loading the indicators" rows={3} />;
    if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;
    const rows = rollupRows(props, load.data, londonDate(now()));
    if (rows.length === 0) return <p className={p.muted}>No action in this plan has an indicator yet.</p>;
    const total = (k: "onTarget" | "offTarget" | "unknown" | "valueDue" | "total") => rows.reduce((n, r) => n + r[k], 0);
    return (
      <div className={s.pair}>
        <ChartFrame name="indicators-by-objective">
          <RollupChart rows={rows} />
        </ChartFrame>
        <TableScroll label="Indicators on and off target by objective">
          <table className={dt.table} data-table="indicators-by-objective">
            <caption className={dt.caption}>Indicators on and off target by objective</caption>
            <thead>
              <tr>
                <th scope="col">Objective</th>
                <th scope="col" className="num">
                  On target
                </th>
                <th scope="col" className="num">
                  Off target
                </th>
                <th scope="col" className="num">
                  No target or no value yet
                </th>
                <th scope="col" className="num">
                  Value due
                </th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.objectiveId}>
                  <th scope="row" title={r.statement}>
                    {r.label}
                  </th>
                  <td className="num">{r.onTarget}</td>
                  <td className="num">{r.offTarget}</td>
                  <td className="num">{r.unknown}</td>
                  <td className="num">{r.valueDue}</td>
                  <td className="num">{r.total}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">All objectives</th>
                <td className="num">{total("onTarget")}</td>
                <td className="num">{total("offTarget")}</td>
                <td className="num">{total("unknown")}</td>
                <td className="num">{total("valueDue")}</td>
                <td className="num">{total("total")}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
      </div>
    );
  };
  return (
    <section aria-labelledby="dash-indicators" className={s.card} data-chart="dash-indicators">
      <h2 id="dash-indicators" className={p.h2}>
        Indicators against target
      </h2>
      <p className={p.muted}>On target: met or on track. Off target: off track or missed. Judged as of today from each indicator's latest values.</p>
      {body()}
    </section>
  );
}

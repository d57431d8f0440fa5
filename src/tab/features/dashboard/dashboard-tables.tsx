/**
 * The accessible form of each chart: a real <table> with a caption and header cells with scope, from the same
 * model the chart draws, so the two can never disagree.
 */
import {
  DASHBOARD_STATUS_LABELS,
  DASHBOARD_STATUSES,
  type DashboardModel,
} from "../../../domain/dashboard-model.ts";
import { useDataTableStyles } from "../../components/data-table/data-table.styles.ts";

export function StatusByRoleTable({ model }: { model: DashboardModel }) {
  const dt = useDataTableStyles();
  const totals = DASHBOARD_STATUSES.map((st) => model.statusByRole.reduce((n, r) => n + r.counts[st], 0));
  return (
    <table className={dt.table} data-table="status-by-role">
      <caption className={dt.caption}>Actions by status and role</caption>
      <thead>
        <tr>
          <th scope="col">Role</th>
          {DASHBOARD_STATUSES.map((st) => (
            <th scope="col" key={st} className="num">
              {DASHBOARD_STATUS_LABELS[st]}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {model.statusByRole.map((r) => (
          <tr key={r.roleId}>
            <th scope="row">{r.role}</th>
            {DASHBOARD_STATUSES.map((st) => (
              <td key={st} className="num">
                {r.counts[st]}
              </td>
            ))}
            <td className="num">{r.total}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">All roles</th>
          {totals.map((n, i) => (
            <td key={DASHBOARD_STATUSES[i]} className="num">
              {n}
            </td>
          ))}
          <td className="num">{model.total}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function SimpleCountTable({ caption, label, rows, name }: { caption: string; label: string; rows: Array<{ key: string; label: string; count: number }>; name: string }) {
  const dt = useDataTableStyles();
  return (
    <table className={dt.table} data-table={name}>
      <caption className={dt.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col" className="num">
            Actions
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CompletionTable({ model }: { model: DashboardModel }) {
  const dt = useDataTableStyles();
  return (
    <table className={dt.table} data-table="completion-by-objective">
      <caption className={dt.caption}>Completion by objective (complete or closed actions)</caption>
      <thead>
        <tr>
          <th scope="col">Objective</th>
          <th scope="col">Role</th>
          <th scope="col" className="num">
            Done
          </th>
          <th scope="col" className="num">
            Actions
          </th>
          <th scope="col" className="num">
            Per cent
          </th>
        </tr>
      </thead>
      <tbody>
        {model.completionByObjective.map((o) => (
          <tr key={o.objectiveId}>
            <th scope="row">
              {o.label}: {o.statement}
            </th>
            <td>{o.role}</td>
            <td className="num">{o.done}</td>
            <td className="num">{o.total}</td>
            <td className="num">{o.percent}%</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * An indicator's values as a table: every revision in period order, a correction right after the figure it
 * replaced, with its note, who recorded it (or the body that reported it) and when. The chart's accessible twin.
 */
import type { IndicatorWithValues } from "../../../data/action-measures/index.ts";
import { formatIndicatorValue } from "../../../domain/indicator-units.ts";
import { periodFromId } from "../../../domain/indicator-periods.ts";
import { useDataTableStyles } from "../../components/data-table/data-table.styles.ts";
import { TableScroll } from "../../components/data-table/table-scroll.tsx";
import { dayOf } from "../../lib/format.ts";
import { usePanelStyles } from "../../components/panel/panel.styles.ts";
import { useIndicatorStyles } from "./indicators.styles.ts";

export function IndicatorValuesTable({ indicator }: { indicator: IndicatorWithValues }) {
  const dt = useDataTableStyles();
  const s = useIndicatorStyles();
  const p = usePanelStyles();
  const groups = indicator.groups.length > 0;
  // The highest revision of each (period, group) is its current value; lower ones are corrected figures.
  const top = new Map<string, number>();
  for (const v of indicator.values) top.set(`${v.period}\u0000${v.group}`, Math.max(top.get(`${v.period}\u0000${v.group}`) ?? 0, v.revision));
  const rows = [...indicator.values].sort((a, b) => a.period.localeCompare(b.period) || a.group.localeCompare(b.group) || a.revision - b.revision);
  if (rows.length === 0) return <p className={p.muted}>No value recorded yet.</p>;
  return (
    <TableScroll label={`Values of ${indicator.name}`}>
      <table className={dt.table} data-table="indicator-values">
        <caption className={dt.caption}>Values of {indicator.name}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            {groups && <th scope="col">Group</th>}
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Note</th>
            <th scope="col">Recorded by</th>
            <th scope="col">History</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => {
            const current = top.get(`${v.period}\u0000${v.group}`) === v.revision;
            const by = v.recordedBy?.name || (v.source ? `Reported by ${v.source}` : "Not recorded");
            return (
              <tr key={v.id} data-revision={v.revision} data-current={current}>
                <th scope="row">{periodFromId(indicator.frequency, v.period)?.label ?? v.period}</th>
                {groups && <td>{v.group || "All"}</td>}
                <td className={current ? "num" : `num ${s.replaced}`}>{formatIndicatorValue(indicator.unit, v.value)}</td>
                <td>{v.note}</td>
                <td>
                  {by}
                  {v.recordedAt ? `, ${dayOf(v.recordedAt)}` : ""}
                </td>
                <td>{current ? (v.revision > 1 ? `Correction ${v.revision - 1} (current)` : "Current") : `Replaced by a correction`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * The column step: how each table's headers were read, with a choice per column. Shown when a header is not
 * recognised; a choice re-reads the file at once (the bytes stay in memory, nothing is written).
 */
import { Select } from "@fluentui/react-components";
import { useId } from "react";
import { FIELD_LABELS } from "../../../import/columns.ts";
import { type ColumnMapping, IMPORT_FIELDS, type ImportField, type TableColumns } from "../../../import/types.ts";
import { useWizardStyles } from "../../components/wizard/wizard.styles.ts";
import { useDataTableStyles } from "../../components/data-table/data-table.styles.ts";
import { TableScroll } from "../../components/data-table/table-scroll.tsx";

export function ColumnMappingStep({ tables, mapping, onChange }: { tables: TableColumns[]; mapping: ColumnMapping; onChange(m: ColumnMapping): void }) {
  const s = useWizardStyles();
  const dt = useDataTableStyles();
  const base = useId();
  return (
    <section className={s.section} aria-labelledby={`${base}-h`}>
      <h2 className={s.h2} id={`${base}-h`}>
        Columns
      </h2>
      <p className={s.intro}>Each column of the file and what it will be read as. Choose a meaning for any column that was not recognised.</p>
      {tables.map((t, ti) => (
        <TableScroll label={`Columns of ${t.table}`} key={t.table}>
          <table className={dt.table}>
            <caption className={dt.caption}>
              {t.table}, header row {t.headerRow}
            </caption>
            <thead>
              <tr>
                <th scope="col">Header in the file</th>
                <th scope="col">Read as</th>
              </tr>
            </thead>
            <tbody>
              {t.columns.map((c, ci) => {
                const id = `${base}-${ti}-${ci}`;
                const value = mapping[c.header] ?? c.field ?? "";
                return (
                  <tr key={id}>
                    <th scope="row">
                      <label htmlFor={id}>{c.header || `(column ${ci + 1}, no header)`}</label>
                    </th>
                    <td>
                      <Select
                        id={id}
                        value={value}
                        disabled={!c.header}
                        onChange={(_, d) => onChange({ ...mapping, [c.header]: (d.value || "ignore") as ImportField | "ignore" })}
                      >
                        <option value="">Not recognised (left out)</option>
                        {IMPORT_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {FIELD_LABELS[f]}
                          </option>
                        ))}
                        <option value="ignore">Leave this column out</option>
                      </Select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ))}
    </section>
  );
}

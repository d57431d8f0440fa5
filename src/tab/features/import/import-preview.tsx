/** The preview step: every problem with its place, and the actions as they will be written. Text is shown as text. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { describePlace, describeProblem, type ImportResult } from "../../../import/types.ts";
import { useWizardStyles } from "../../components/wizard/wizard.styles.ts";
import { useDataTableStyles } from "../../components/data-table/data-table.styles.ts";
import { TableScroll } from "../../components/data-table/table-scroll.tsx";

/** Rows shown in the preview table; a plan of thousands of actions is summarised beyond this. */
const PREVIEW_ROWS = 300;

/** The plan's period, and whether it was given or inferred (and from where), so the person can check it. */
export function ImportPeriodNote({ result }: { result: ImportResult }) {
  const s = useWizardStyles();
  const p = result.period;
  if (!p) return null;
  return (
    <p className={s.intro}>
      Period: <strong>{p.value}</strong>
      {p.source === "given" ? ", as you gave it." : `, inferred from ${p.where}. If that is not right, give the period above and check the file again.`}
    </p>
  );
}

export function ImportProblems({ result }: { result: ImportResult }) {
  const s = useWizardStyles();
  if (result.problems.length === 0) return null;
  return (
    <MessageBar intent={result.tree ? "warning" : "error"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {result.problems.length} problem{result.problems.length === 1 ? "" : "s"} found
          {result.tree ? ": those actions will be left out" : `: nothing will be imported until ${result.problems.length === 1 ? "it is" : "they are"} fixed`}
        </MessageBarTitle>
        <ul className={s.list}>
          {result.problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity of their own and never reorder
            <li key={i}>{describeProblem(p)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function ImportPreviewTable({ result }: { result: ImportResult }) {
  const s = useWizardStyles();
  const dt = useDataTableStyles();
  const bad = new Set(result.problems.map((p) => p.rowKey).filter(Boolean));
  const rows = result.actions.slice(0, PREVIEW_ROWS);
  return (
    <TableScroll label="Actions read from the file">
      <table className={dt.table}>
        <caption className={dt.caption}>
          {result.actions.length} action{result.actions.length === 1 ? "" : "s"} read from the file
          {result.actions.length > PREVIEW_ROWS ? ` (the first ${PREVIEW_ROWS} are shown)` : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Ref</th>
            <th scope="col">Role</th>
            <th scope="col">Objective</th>
            <th scope="col">Action</th>
            <th scope="col">Responsible officer</th>
            <th scope="col">To be delivered by</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const problem = bad.has(a.rowKey);
            return (
              <tr key={a.rowKey} className={problem ? s.problemRow : undefined}>
                <td>{describePlace(a.place)}</td>
                <td>{a.reference}</td>
                <td>{a.role}</td>
                <td>{a.objective}</td>
                <td>{a.text}</td>
                <td>{a.teams}</td>
                <td>{a.dueText || "No date"}</td>
                {/* Said in words, not only by the row's colour. */}
                <td>{problem ? (a.skipped ? "Has a problem: left out" : "Has a problem") : "OK"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

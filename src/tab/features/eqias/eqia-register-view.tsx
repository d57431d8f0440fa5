/**
 * `#/eqias`: the council's register of Equality Impact Assessments, for everyone to read: each assessment with the
 * characteristics it considered (the plan's local ones included), its outcome, where it is published and when it
 * is to be reviewed; the EDI group adds assessments here. One request (the register, by ID windows).
 */
import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { getEqias } from "../../../data/eqias/repository.ts";
import { formatLongDate } from "../../../domain/dates.ts";
import { checkLink } from "../../../domain/evidence.ts";
import { EQIA_OUTCOME_LABELS } from "../../../domain/measure-constants.ts";
import { useDataTableStyles } from "../../components/data-table/data-table.styles.ts";
import { TableScroll } from "../../components/data-table/table-scroll.tsx";
import { ErrorPanel } from "../../components/error-panel/error-panel.tsx";
import { ViewSkeleton } from "../../components/view-skeleton/view-skeleton.tsx";
import { useAppContext } from "../../lib/app-context.tsx";
import { useLoad } from "../../hooks/use-load.ts";
import { characteristicsText } from "./characteristics-text.ts";
import { EqiaForm } from "./eqia-form.tsx";
import { usePanelStyles } from "../../components/panel/panel.styles.ts";
import { useEqiaStyles } from "./eqias.styles.ts";

export default function EqiaRegisterView() {
  const s = useEqiaStyles();
  const p = usePanelStyles();
  const dt = useDataTableStyles();
  const { sp, isMember, navigate } = useAppContext();
  const load = useLoad(() => getEqias(sp), [sp]);
  const [adding, setAdding] = useState(false);
  if (load.state === "loading") return <ViewSkeleton label="Loading the EqIA register" />;
  if (load.state === "error") return <ErrorPanel error={load.error} onRetry={load.retry} />;
  const eqias = load.data;
  return (
    <div className={s.root}>
      <h1 className={s.h1}>Equality Impact Assessments</h1>
      {isMember && !adding && (
        <div>
          <Button onClick={() => setAdding(true)}>Add an assessment</Button>
        </div>
      )}
      {adding && (
        <section className={p.panel} aria-labelledby="add-eqia-title">
          <h2 id="add-eqia-title" className={p.h2}>
            Add an assessment
          </h2>
          <EqiaForm existing={null} onSaved={(id) => navigate(`#/eqias/${id}`)} onCancel={() => setAdding(false)} />
        </section>
      )}
      {eqias.length === 0 ? (
        <p className={p.muted}>No assessment is in the register yet.</p>
      ) : (
        <TableScroll label="The EqIA register">
          <table className={dt.table} data-table="eqias">
            <caption className={dt.caption}>The register, newest assessment first ({eqias.length})</caption>
            <thead>
              <tr>
                <th scope="col">Policy or decision</th>
                <th scope="col">Assessed on</th>
                <th scope="col">Characteristics considered</th>
                <th scope="col">Outcome</th>
                <th scope="col">Published</th>
                <th scope="col">Review date</th>
              </tr>
            </thead>
            <tbody>
              {eqias.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <a className={p.link} href={`#/eqias/${e.id}`}>
                      {e.title}
                    </a>
                  </th>
                  <td>{e.assessedOn ? formatLongDate(e.assessedOn) : ""}</td>
                  <td>{characteristicsText(e.characteristics)}</td>
                  <td>{EQIA_OUTCOME_LABELS[e.outcome]}</td>
                  <td>
                    {e.publishedLink && checkLink(e.publishedLink).ok ? (
                      <a className={p.link} href={e.publishedLink} target="_blank" rel="noreferrer noopener" aria-label={`Published assessment: ${e.title}`}>
                        Published assessment
                      </a>
                    ) : (
                      "Not yet"
                    )}
                  </td>
                  <td>{e.reviewDate ? formatLongDate(e.reviewDate) : "None set"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

/**
 * The action view's "Equality Impact Assessments" panel (split off; composed in by the route table with the
 * measures already read): the assessments that gave rise to or inform the action, each a link to the register.
 */
import type { ActionMeasures } from "../../../data/action-measures/index.ts";
import { formatLongDate } from "../../../domain/dates.ts";
import { EQIA_RELATION_LABELS } from "../../../domain/measure-constants.ts";
import { usePanelStyles } from "../../components/panel/panel.styles.ts";

export default function ActionEqias({ measures }: { measures: ActionMeasures }) {
  const p = usePanelStyles();
  const { eqias } = measures;
  return (
    <section className={p.panel} aria-labelledby="action-eqias-title">
      <h2 id="action-eqias-title" className={p.h2}>
        Equality Impact Assessments ({eqias.length})
      </h2>
      {eqias.length === 0 ? (
        <p className={p.muted}>
          No assessment is linked to this action. <a className={p.link} href="#/eqias">See the EqIA register</a>
        </p>
      ) : (
        <ul>
          {eqias.map((l) => (
            <li key={l.id}>
              <a className={p.link} href={`#/eqias/${l.eqiaId}`}>
                {l.eqiaTitle}
              </a>{" "}
              {EQIA_RELATION_LABELS[l.relation]} this action
              {l.eqiaAssessedOn ? ` (assessed ${formatLongDate(l.eqiaAssessedOn)}` : " ("}
              {l.eqiaReviewDate ? `, review by ${formatLongDate(l.eqiaReviewDate)})` : ")"}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The action view's "Indicators" panel (split off; the route table composes it into the action view with the
 * measures already read): each indicator with its chart, table, words and "Record a value".
 */
import type { ActionIndicatorsProps } from "./indicators.types.ts";
import { usePanelStyles } from "../../components/panel/panel.styles.ts";
import { IndicatorCard } from "./indicator-card.tsx";

export default function ActionIndicators({ action, measures, reload }: ActionIndicatorsProps) {
  const p = usePanelStyles();
  const { indicators } = measures;
  return (
    <section className={p.panel} aria-labelledby="indicators-title">
      <h2 id="indicators-title" className={p.h2}>
        Indicators ({indicators.length})
      </h2>
      {indicators.length === 0 && <p className={p.muted}>No indicator measures this action: its success measures are in words (see Details).</p>}
      {indicators.map((i) => (
        <IndicatorCard key={i.id} action={action} indicator={i} reload={reload} />
      ))}
    </section>
  );
}

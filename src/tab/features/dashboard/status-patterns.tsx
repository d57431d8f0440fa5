/**
 * Fills of the "Status by role" segments that tell the statuses apart without colour (WCAG 1.4.1): each status is a
 * colour AND a pattern (diagonal lines, horizontal, none, vertical, dots, cross-hatch). In Teams' high-contrast
 * theme every palette background is white, so colour alone drew all six segments the same; the patterns' lines are
 * drawn in the page's background colour (black there), and the legend's swatches use the same fills, so the legend
 * says which pattern is which status in words. Tokens only: the fills follow the light, dark and contrast themes.
 *
 * The patterns live in a zero-size SVG beside the chart (a `display: none` SVG would stop its patterns painting) and
 * are referenced as `url(#…)` by the chart's bars and legend swatches, both SVG, whose `fill` takes them.
 */
import { tokens } from "@fluentui/react-components";
import { type ReactNode, useId } from "react";
import { DASHBOARD_STATUSES, type DashboardStatus } from "../../../domain/dashboard-model.ts";

const BASE: Record<DashboardStatus, string> = {
  overdue: tokens.colorPaletteRedBackground3,
  "at-risk": tokens.colorPaletteMarigoldBackground3,
  "on-track": tokens.colorPaletteGreenBackground3,
  "not-started": tokens.colorNeutralForeground3,
  // Apart from every status it could be mistaken for: the records give none.
  "not-recorded": tokens.colorPaletteLavenderBackground2,
  done: tokens.colorBrandBackground,
};

/** Cut into the base in the page's background colour; dots on the lavender (black in high contrast) in the text colour. */
const LINE = tokens.colorNeutralBackground1;
const SIZE = 6;

const MARKS: Record<DashboardStatus, (stroke: string) => ReactNode> = {
  overdue: (s) => <path d={`M0,${SIZE} L${SIZE},0 M-1,1 L1,-1 M${SIZE - 1},${SIZE + 1} L${SIZE + 1},${SIZE - 1}`} stroke={s} strokeWidth={1.5} />,
  "at-risk": (s) => <path d={`M0,${SIZE / 2} H${SIZE}`} stroke={s} strokeWidth={1.5} />,
  "on-track": () => null,
  "not-started": (s) => <path d={`M${SIZE / 2},0 V${SIZE}`} stroke={s} strokeWidth={1.5} />,
  "not-recorded": () => <circle cx={SIZE / 2} cy={SIZE / 2} r={1.2} fill={tokens.colorNeutralForeground1} />,
  done: (s) => <path d={`M0,0 L${SIZE},${SIZE} M${SIZE},0 L0,${SIZE}`} stroke={s} strokeWidth={1} />,
};

/** Ids for this chart's patterns (unique on the page), and the fill of each status. */
export function useStatusFills(): { prefix: string; fill: Record<DashboardStatus, string> } {
  const prefix = `eap-status-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const fill = Object.fromEntries(DASHBOARD_STATUSES.map((st) => [st, `url(#${prefix}-${st})`])) as Record<DashboardStatus, string>;
  return { prefix, fill };
}

export function StatusPatterns({ prefix }: { prefix: string }) {
  return (
    <svg width={0} height={0} aria-hidden="true" focusable="false" style={{ position: "absolute" }}>
      <defs>
        {DASHBOARD_STATUSES.map((st) => (
          <pattern key={st} id={`${prefix}-${st}`} data-status={st} width={SIZE} height={SIZE} patternUnits="userSpaceOnUse">
            <rect width={SIZE} height={SIZE} fill={BASE[st]} />
            {MARKS[st](LINE)}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

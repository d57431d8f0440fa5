/**
 * Plain HTML data tables (the dashboard's tables beside each chart, the import and rollover previews): ruled cells,
 * a caption above, numbers right-aligned with `className="num"`, scrolling sideways on narrow screens inside their
 * own region (table-scroll.tsx).
 */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useDataTableStyles = makeStyles({
  scroller: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  wrap: {
    overflowX: "auto",
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
  },
  cue: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      textAlign: "left",
      verticalAlign: "top",
      // Cells may hold lists written one item per line (measures, officers).
      whiteSpace: "pre-line",
    },
    "& td.num, & th.num": { textAlign: "right", fontVariantNumeric: "tabular-nums" },
    "& thead th": { backgroundColor: tokens.colorNeutralBackground3 },
  },
  caption: { ...typographyStyles.body1Strong, textAlign: "left", captionSide: "top", paddingBottom: tokens.spacingVerticalXS },
});

/**
 * Plain HTML data tables (the dashboard's tables beside each chart, the import and rollover previews): ruled cells,
 * a caption above, numbers right-aligned with `className="num"`, scrolling sideways on narrow screens.
 */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useDataTableStyles = makeStyles({
  wrap: { overflowX: "auto" },
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

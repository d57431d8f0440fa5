/** Dashboard layout: each chart with its data table beside it (below it on narrow screens). */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useDashboardStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXL, maxWidth: "90rem" },
  h1: { ...typographyStyles.title2, margin: 0 },
  h2: { ...typographyStyles.subtitle1, margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 26rem), 1fr))",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
  },
  chart: { minWidth: 0 },
  tableWrap: { overflowX: "auto" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      textAlign: "left",
      verticalAlign: "top",
    },
    "& td.num, & th.num": { textAlign: "right", fontVariantNumeric: "tabular-nums" },
    "& thead th": { backgroundColor: tokens.colorNeutralBackground3 },
  },
  caption: { ...typographyStyles.body1Strong, textAlign: "left", captionSide: "top", paddingBottom: tokens.spacingVerticalXS },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  status: { ...typographyStyles.body1, minHeight: "1.5em" },
});

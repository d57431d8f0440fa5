/** What the indicator panels add to the shared panel styles: cards, the chart beside its table, struck figures. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useIndicatorStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 22rem), 1fr))",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
  },
  chart: { minWidth: 0, minHeight: "220px" },
  status: { fontWeight: tokens.fontWeightSemibold },
  replaced: { color: tokens.colorNeutralForeground2, textDecorationLine: "line-through" },
});

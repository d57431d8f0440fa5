/** Indicator panels: tokens only, so the three Teams themes and forced colours carry through. */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useIndicatorStyles = makeStyles({
  panel: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  h2: { ...typographyStyles.subtitle1, margin: 0 },
  h3: { ...typographyStyles.subtitle2, margin: 0, overflowWrap: "anywhere" },
  h4: { ...typographyStyles.body1Strong, margin: 0 },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  facts: { display: "grid", gridTemplateColumns: "minmax(9rem, max-content) 1fr", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 22rem), 1fr))",
    gap: tokens.spacingHorizontalXL,
    alignItems: "start",
  },
  chart: { minWidth: 0, minHeight: "220px" },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "start" },
  wide: { flexBasis: "100%" },
  status: { ...typographyStyles.body1Strong },
  muted: { color: tokens.colorNeutralForeground2 },
  replaced: { color: tokens.colorNeutralForeground2, textDecorationLine: "line-through" },
});

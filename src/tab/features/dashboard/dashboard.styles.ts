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
  empty: { ...typographyStyles.body1, margin: 0 },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  status: { ...typographyStyles.body1, minHeight: "1.5em" },
});

import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useMyActionsStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  top: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  h1: { ...typographyStyles.title2, margin: 0, marginRight: "auto" },
  h2: { ...typographyStyles.subtitle1, margin: `0 0 ${tokens.spacingVerticalS}` },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  freshness: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  empty: { ...typographyStyles.body1, margin: 0 },
});

import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useAddUpdateFormStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "48rem" },
  h2: { ...typographyStyles.subtitle1, margin: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center", flexWrap: "wrap" },
  changes: { margin: `${tokens.spacingVerticalS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  change: { overflowWrap: "anywhere" },
  figures: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: 0 },
  legend: { ...typographyStyles.body1Strong, padding: `0 ${tokens.spacingHorizontalXS}` },
  counter: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
});

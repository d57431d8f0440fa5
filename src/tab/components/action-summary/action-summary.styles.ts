import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useActionSummaryStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { ...typographyStyles.body1Strong, margin: 0, overflowWrap: "anywhere" },
  meta: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center", color: tokens.colorNeutralForeground2 },
  small: { ...typographyStyles.caption1 },
  last: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere", margin: 0 },
});

import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useApprovalFormStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  h3: { ...typographyStyles.subtitle2, margin: 0, overflowWrap: "anywhere" },
  meta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  label: { ...typographyStyles.body1Strong },
  text: { margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  notice: { ...typographyStyles.body1, color: tokens.colorPaletteRedForeground1 },
});

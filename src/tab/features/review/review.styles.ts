/** Styles of the review views: the stage view is read on a shared screen, so its type is large. */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useReviewStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "72rem" },
  h1: { ...typographyStyles.title2, margin: 0 },
  h2: { ...typographyStyles.subtitle1, margin: 0 },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  itemText: { ...typographyStyles.body1Strong, overflowWrap: "anywhere" },
  reasons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  meta: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
  // Stage view: large type, generous spacing, one action at a time.
  stage: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  position: { ...typographyStyles.subtitle2, color: tokens.colorNeutralForeground2, margin: 0 },
  stageTitle: {
    ...typographyStyles.title1,
    margin: 0,
    overflowWrap: "anywhere",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "4px" },
  },
  stageSection: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  stageH3: { ...typographyStyles.subtitle1, margin: 0 },
  stageBody: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalS, margin: 0 },
  factTerm: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  factValue: { fontSize: tokens.fontSizeBase500, margin: 0 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "48rem" },
  nav: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
});

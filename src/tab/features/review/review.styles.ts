/**
 * Styles of the review views: the stage view is read on a shared screen, so its type is large; on a narrow screen
 * (the meeting's side panel, a phone) the same view steps down to reading sizes and stacks its facts.
 */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { NARROW } from "../../lib/breakpoints.ts";

export const useReviewStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "72rem" },
  // Narrow: the plan's long title in the heading must not fill the side panel before the action.
  h1: { ...typographyStyles.title2, margin: 0, overflowWrap: "anywhere", [NARROW]: { ...typographyStyles.subtitle1 } },
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
  stage: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, [NARROW]: { gap: tokens.spacingVerticalL } },
  position: { ...typographyStyles.subtitle2, color: tokens.colorNeutralForeground2, margin: 0, [NARROW]: { ...typographyStyles.body1Strong } },
  stageTitle: {
    ...typographyStyles.title1,
    margin: 0,
    overflowWrap: "anywhere",
    [NARROW]: { ...typographyStyles.subtitle1 },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "4px" },
  },
  stageSection: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  stageH3: { ...typographyStyles.subtitle1, margin: 0, [NARROW]: { ...typographyStyles.subtitle2 } },
  stageBody: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    margin: 0,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    [NARROW]: { ...typographyStyles.body1 },
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    // Narrow: each term above its value, so a long term never squeezes the value.
    [NARROW]: { gridTemplateColumns: "minmax(0, 1fr)", rowGap: 0 },
  },
  factTerm: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, [NARROW]: { ...typographyStyles.body1Strong, marginTop: tokens.spacingVerticalS } },
  factValue: { fontSize: tokens.fontSizeBase500, margin: 0, overflowWrap: "anywhere", [NARROW]: { ...typographyStyles.body1 } },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "48rem" },
  nav: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
  // The side panel's pager: previous and next at the top, each a full touch target, the position between them.
  pager: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", justifyContent: "space-between" },
  pagerButton: { minHeight: "44px", minWidth: "44px" },
  hint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2 },
});

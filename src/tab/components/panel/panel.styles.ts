/**
 * A bordered section of a view (the action view's panels of indicators, evidence and EqIAs, the EqIA register's)
 * and what goes in it: headings, a form laid out in rows, notes in a quieter colour, links. Tokens only.
 */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const usePanelStyles = makeStyles({
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
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "start" },
  wide: { flexBasis: "100%" },
  grow: { flexGrow: 1, minWidth: "min(100%, 18rem)" },
  muted: { color: tokens.colorNeutralForeground2 },
  link: { color: tokens.colorBrandForegroundLink, overflowWrap: "anywhere" },
});

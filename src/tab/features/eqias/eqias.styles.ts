/** The EqIA register and its panels: tokens only. */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useEqiaStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, maxWidth: "90rem" },
  panel: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  h1: { ...typographyStyles.title2, margin: 0, overflowWrap: "anywhere" },
  h2: { ...typographyStyles.subtitle1, margin: 0 },
  facts: { display: "grid", gridTemplateColumns: "minmax(9rem, max-content) 1fr", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "start" },
  wide: { flexBasis: "100%" },
  grow: { flexGrow: 1, minWidth: "min(100%, 18rem)" },
  checks: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
  link: { color: tokens.colorBrandForegroundLink, overflowWrap: "anywhere" },
});

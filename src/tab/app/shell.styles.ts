import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useShellStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  appName: { ...typographyStyles.subtitle2, marginRight: "auto" },
  text: { ...typographyStyles.body1 },
  strong: { ...typographyStyles.body1Strong },
  nav: { padding: `0 ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorNeutralBackground1 },
  navList: { listStyleType: "none", display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, margin: 0, padding: `${tokens.spacingVerticalS} 0` },
  main: { padding: tokens.spacingHorizontalL, maxWidth: "72rem" },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  skip: {
    position: "absolute",
    left: "-10000px",
    ":focus": { position: "static", left: "auto" },
  },
});

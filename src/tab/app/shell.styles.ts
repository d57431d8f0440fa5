import { makeStaticStyles, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { NARROW } from "../lib/breakpoints.ts";

export const useShellStyles = makeStyles({
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [NARROW]: { gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  },
  appName: { ...typographyStyles.subtitle2, marginRight: "auto", [NARROW]: { ...typographyStyles.body1Strong } },
  // The narrow header's two buttons: hidden on a wide screen, where everything they open is shown anyway.
  compact: { display: "none", [NARROW]: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" } },
  compactButton: { minWidth: "44px", minHeight: "44px" },
  initials: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    minWidth: "28px",
    minHeight: "28px",
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    ...typographyStyles.caption1Strong,
  },
  account: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalL,
    minWidth: 0,
    maxWidth: "100%",
    // Narrow: closed unless its button opened it; then a full-width panel of its own below the header's line.
    [NARROW]: {
      display: "none",
      flexBasis: "100%",
      flexDirection: "column",
      alignItems: "stretch",
      gap: tokens.spacingVerticalS,
      paddingBottom: tokens.spacingVerticalS,
    },
  },
  open: { [NARROW]: { display: "flex", flexDirection: "column" } },
  signOut: { [NARROW]: { alignSelf: "flex-start", minHeight: "44px" } },
  text: { ...typographyStyles.body1 },
  strong: { ...typographyStyles.body1Strong },
  nav: {
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    [NARROW]: {
      display: "none",
      padding: `0 ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  navList: {
    listStyleType: "none",
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: `${tokens.spacingVerticalS} 0`,
    [NARROW]: { flexDirection: "column", gap: 0, padding: `${tokens.spacingVerticalXS} 0` },
  },
  // Narrow: one view per line, each a touch target of the full width (WCAG 2.5.8 asks for 24 px; 44 px is Teams').
  navLink: { [NARROW]: { display: "flex", alignItems: "center", minHeight: "44px" } },
  main: { padding: tokens.spacingHorizontalL, maxWidth: "72rem", [NARROW]: { padding: tokens.spacingHorizontalM } },
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

/**
 * Fluent's Select is as wide as its longest option (plan titles, characteristics) and never narrower: in a Field's
 * grid or a flex row it pushed the page sideways at 320 px. It may shrink to its container instead; the browser's
 * list of options still shows each option whole. Targets Fluent's documented static class names (selectClassNames),
 * so every view's Selects, present and future, follow without a className each.
 */
export const useShellStaticStyles = makeStaticStyles({
  ".fui-Select": { minWidth: 0, maxWidth: "100%" },
  ".fui-Select__select": { minWidth: 0 },
});

/**
 * A styled span rather than Fluent's Badge: it is on the first view and Badge's styles cost 3 kB (gzip) for what
 * these few rules do. Colours are Fluent palette tokens, so light, dark and high-contrast themes all apply.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useStatusBadgeStyles = makeStyles({
  base: {
    display: "inline-flex",
    alignItems: "center",
    padding: `0 ${tokens.spacingHorizontalS}`,
    minHeight: tokens.lineHeightBase300,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
  },
  overdue: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder1}` },
  "at-risk": { backgroundColor: tokens.colorPaletteDarkOrangeBackground1, color: tokens.colorPaletteDarkOrangeForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}` },
  "on-track": { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteGreenBorder1}` },
  "not-started": { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  complete: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}` },
  // No status in the records: a dashed outline on the page background, so it reads as an absence, not a state.
  "not-recorded": { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground2, border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStrokeAccessible}` },
});

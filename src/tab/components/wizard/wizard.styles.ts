/** Layout of the import and rollover wizards: a column of steps, tables that scroll sideways on narrow screens. */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useWizardStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, maxWidth: "80rem" },
  h1: { ...typographyStyles.title2, margin: 0 },
  h2: { ...typographyStyles.subtitle1, margin: 0 },
  intro: { ...typographyStyles.body1, margin: 0, maxWidth: "60rem" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  form: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 20rem), 1fr))", gap: tokens.spacingHorizontalL, alignItems: "start" },
  fileInput: {
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  problemRow: { backgroundColor: tokens.colorPaletteRedBackground1 },
  status: { ...typographyStyles.body1, minHeight: "1.5em" },
});

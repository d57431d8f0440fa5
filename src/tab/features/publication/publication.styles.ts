/** The publication view: counts, the list of updates, the publish panel. Tokens only. */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const usePublicationStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, maxWidth: "60rem", minWidth: 0 },
  h1: { ...typographyStyles.title2, margin: 0, overflowWrap: "anywhere" },
  h2: { ...typographyStyles.subtitle1, margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  counts: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0, padding: 0, listStyleType: "none" },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: "none" },
  status: { ...typographyStyles.body1, minHeight: "1.5em" },
  awaiting: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  error: { ...typographyStyles.body1, color: tokens.colorPaletteRedForeground1, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

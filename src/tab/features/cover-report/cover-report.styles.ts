/** The cover report view: the year, the figures from the data (read only), the form. Tokens only. */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useCoverReportStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, maxWidth: "60rem", minWidth: 0 },
  h1: { ...typographyStyles.title2, margin: 0, overflowWrap: "anywhere" },
  h2: { ...typographyStyles.subtitle1, margin: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  form: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL, alignItems: "end" },
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 14rem), 1fr))",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  figure: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, minWidth: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  dd: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

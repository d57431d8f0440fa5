/**
 * Terms beside their values, two columns; on a narrow screen (a meeting's side panel, a phone, 400 % zoom) each term
 * above its value, since a term column as wide as "Characteristics considered" would leave the values a few
 * characters a line, broken mid-word. Tokens only.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFactsListStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "minmax(9rem, max-content) 1fr",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    "@media (max-width: 30em)": { gridTemplateColumns: "minmax(0, 1fr)", rowGap: 0 },
  },
  term: { fontWeight: tokens.fontWeightSemibold, "@media (max-width: 30em)": { marginTop: tokens.spacingVerticalS } },
  value: { margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
});

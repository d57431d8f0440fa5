/** Terms beside their values, two columns; tokens only. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFactsListStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "minmax(9rem, max-content) 1fr", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
});

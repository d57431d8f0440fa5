/** What the EqIA views add to the shared panel styles: the page column, the title, the characteristics' boxes. */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useEqiaStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL, maxWidth: "90rem" },
  h1: { ...typographyStyles.title2, margin: 0, overflowWrap: "anywhere" },
  checks: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL },
  /**
   * The linked action's reference and text: wide enough for its words at 320 px (the table then scrolls in its own
   * region) rather than broken mid-word into a column a few letters wide.
   */
  actionCell: { minWidth: "11em" },
});

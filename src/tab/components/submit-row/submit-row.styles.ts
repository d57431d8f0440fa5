/** The submit row spans the form's width; tokens only. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useSubmitRowStyles = makeStyles({
  row: { flexBasis: "100%", display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  failure: { flexBasis: "100%" },
});

import { makeStyles, tokens } from "@fluentui/react-components";

export const useErrorPanelStyles = makeStyles({
  // The plain alert shown while the message bar's code loads: the same words, readable in every theme.
  fallback: { color: tokens.colorPaletteRedForeground1, padding: tokens.spacingVerticalS },
});

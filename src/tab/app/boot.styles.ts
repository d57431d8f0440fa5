import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useBootStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  centre: { padding: tokens.spacingHorizontalXXL, maxWidth: "48rem", margin: "0 auto", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  h1: { ...typographyStyles.title2, margin: 0 },
});

import { makeStyles, tokens } from "@fluentui/react-components";

export const useViewSkeletonStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "60rem" },
  title: { width: "40%" },
  row: { height: "4rem" },
});

import { makeStyles } from "@fluentui/react-components";

export const usePlanPickerStyles = makeStyles({
  // Plan titles are long: the picker may shrink on a narrow header instead of pushing the page sideways.
  root: { minWidth: 0, maxWidth: "100%" },
});

/**
 * Fluent's Select look (outline, accessible bottom stroke, the focus indicator) on a native <select>: the picker is
 * in the header of the first view, which has a size budget, and @fluentui/react-select adds a chunk for a control
 * the browser already draws. Tokens only, so the three Teams themes apply.
 */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const usePlanPickerStyles = makeStyles({
  root: {
    ...typographyStyles.body1,
    // Plan titles are long: the picker may shrink on a narrow header instead of pushing the page sideways.
    minWidth: 0,
    maxWidth: "100%",
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { borderBottomColor: tokens.colorNeutralStrokeAccessibleHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
  },
});

/**
 * Fluent's skeleton look (stencil tokens, a slow pulse that stops for people who ask for reduced motion), drawn with
 * a few rules instead of @fluentui/react-skeleton: the placeholder is on the first view, which has a size budget.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useViewSkeletonStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, maxWidth: "60rem" },
  item: {
    display: "block",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralStencil1,
    animationName: { "0%": { opacity: 1 }, "50%": { opacity: 0.4 }, "100%": { opacity: 1 } },
    animationDuration: "3s",
    animationIterationCount: "infinite",
    animationTimingFunction: "ease-in-out",
    "@media screen and (prefers-reduced-motion: reduce)": { animationName: "none" },
    // High contrast: a stencil colour would vanish; an outline keeps the shape visible.
    "@media (forced-colors: active)": { outline: `${tokens.strokeWidthThin} solid CanvasText` },
  },
  title: { width: "40%", height: "28px" },
  row: { height: "4rem" },
});

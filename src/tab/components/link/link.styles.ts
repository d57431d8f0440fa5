/**
 * Fluent's Link look (brand link colours, underline on hover, the focus ring) on a plain anchor: links are on the
 * first view, which has a size budget, and a native <a> needs none of @fluentui/react-link's machinery.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useLinkStyles = makeStyles({
  root: {
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "none",
    overflowWrap: "anywhere",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { color: tokens.colorBrandForegroundLinkHover, textDecorationLine: "underline" },
    ":active": { color: tokens.colorBrandForegroundLinkPressed },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
    "@media (forced-colors: active)": { color: "LinkText" },
  },
  current: { fontWeight: tokens.fontWeightBold, textDecorationLine: "underline" },
});

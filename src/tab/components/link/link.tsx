/** A link in the tab's own pages (hash routes and deep links), styled as Fluent's Link. */
import { mergeClasses } from "@fluentui/react-components";
import { useLinkStyles } from "./link.styles.ts";
import type { LinkProps } from "./link.types.ts";
import { useLink } from "./use-link.ts";

export type { LinkProps };

export function Link(props: LinkProps) {
  const s = useLinkStyles();
  const attrs = useLink(props);
  return <a {...attrs} className={mergeClasses(s.root, props.current && s.current, props.className)} />;
}

/**
 * The count of progress updates awaiting approval for the current financial year, beside "Publication" in the
 * navigation: the lead sees it wherever they are. Loaded on its own (not in the first view's code), only once the
 * first view is fresh (the shell), read a few seconds later when the page is idle, and read again
 * whenever a decision is saved (PUBLICATION_CHANGED), the plan changes, or the tab comes back into view.
 */
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { getPublicationCounts } from "../../../data/updates/publication.ts";
import { useAppContext } from "../../lib/app-context.tsx";
import { PUBLICATION_CHANGED } from "./publication-writes.ts";
import { currentFinancialYear } from "./use-publication.ts";

const FIRST_READ_AFTER_MS = 3000;

const useStyles = makeStyles({
  badge: {
    ...typographyStyles.caption1Strong,
    marginLeft: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid currentColor`,
    whiteSpace: "nowrap",
  },
});

export default function AwaitingBadge() {
  const s = useStyles();
  const { sp, plan, now } = useAppContext();
  const [count, setCount] = useState<number | null>(null);
  const planId = plan?.id;
  useEffect(() => {
    if (planId === undefined) return;
    let live = true;
    const read = () =>
      getPublicationCounts(sp, planId, currentFinancialYear(now())).then(
        (c) => live && setCount(c.draft),
        // A count that cannot be read is left out rather than shown wrong; the publication view says why.
        () => live && setCount(null),
      );
    // A few seconds in and when the page is idle: the first view's requests, and any refresh of them, go first.
    let idle: number | undefined;
    const later = window.setTimeout(() => {
      idle = typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(() => void read(), { timeout: 5000 }) : undefined;
      if (idle === undefined) void read();
    }, FIRST_READ_AFTER_MS);
    const onVisible = () => document.visibilityState === "visible" && void read();
    window.addEventListener(PUBLICATION_CHANGED, read);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      live = false;
      window.clearTimeout(later);
      if (idle !== undefined) window.cancelIdleCallback(idle);
      window.removeEventListener(PUBLICATION_CHANGED, read);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [sp, planId, now]);
  if (count === null) return null;
  return (
    <span className={s.badge} data-testid="awaiting-count">
      {count} awaiting
    </span>
  );
}

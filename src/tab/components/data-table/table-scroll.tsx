/**
 * A data table that is wider than the screen scrolls inside its own region, never the page (WCAG 1.4.10 allows
 * this for data tables). While it overflows, the region is a labelled, focusable landmark, so a keyboard user can
 * scroll it with the arrow keys and a screen reader says what it holds, and a line in words says that there is
 * more to the side (a shadow alone would vanish in high contrast). A table that fits is just a table.
 */
import { type ReactNode, useRef } from "react";
import { useDataTableStyles } from "./data-table.styles.ts";
import { useOverflowing } from "./use-overflowing.ts";

export interface TableScrollProps {
  /** What the table holds (its caption), the region's name while it scrolls. */
  label: string;
  children: ReactNode;
}

export function TableScroll({ label, children }: TableScrollProps) {
  const dt = useDataTableStyles();
  const ref = useRef<HTMLDivElement>(null);
  const overflowing = useOverflowing(ref);
  return (
    <div className={dt.scroller}>
      {overflowing && (
        <p className={dt.cue} aria-hidden="true">
          Scroll sideways for more of the table →
        </p>
      )}
      <div
        ref={ref}
        className={dt.wrap}
        data-scroll-region={overflowing ? "overflowing" : "fits"}
        {...(overflowing ? { role: "region", "aria-label": `${label} (scrolls sideways)`, tabIndex: 0 } : {})}
      >
        {children}
      </div>
    </div>
  );
}

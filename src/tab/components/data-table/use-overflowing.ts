import { type RefObject, useEffect, useState } from "react";

/**
 * Whether the element's content is wider than the element (it scrolls sideways): followed live through a
 * ResizeObserver on the element and its content, so a narrower window, zoom or text spacing is seen at once.
 */
export function useOverflowing(ref: RefObject<HTMLElement | null>): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOverflowing(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver !== "function") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [ref]);
  return overflowing;
}

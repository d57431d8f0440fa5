import type { LinkProps } from "./link.types.ts";

/** The anchor's attributes: the current page is said (aria-current), not only shown. */
export function useLink({ current, className: _className, ...rest }: LinkProps) {
  return { ...rest, "aria-current": current ? ("page" as const) : undefined };
}

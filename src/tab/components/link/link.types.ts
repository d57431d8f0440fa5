import type { AnchorHTMLAttributes, ReactNode } from "react";

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "className"> {
  href: string;
  children: ReactNode;
  /** The current page in a navigation list: bold and underlined, and aria-current="page". */
  current?: boolean;
  className?: string;
}

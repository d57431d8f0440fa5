import type { ReactNode } from "react";

export interface FactsListProps {
  /** Term and what it says, in order; user text is rendered as text. */
  facts: ReadonlyArray<readonly [string, ReactNode]>;
}

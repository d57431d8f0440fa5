/**
 * Pages other engineers write (review, dashboard, import, rollover) are found at build time: each
 * src/tab/features/<feature>/<feature>-page.tsx default-exports a component and is routed at `#/<feature>`, lazily.
 */
import { type ComponentType, type LazyExoticComponent, lazy } from "react";

type PageModule = { default: ComponentType };

const modules = import.meta.glob<PageModule>("../features/*/*-page.tsx");

export interface FeaturePage {
  feature: string;
  label: string;
  /** Only the equalities lead and the EDI group see it in the navigation. */
  membersOnly: boolean;
  Component: LazyExoticComponent<ComponentType>;
}

const LABELS: Record<string, string> = { review: "Review", dashboard: "Dashboard", rollover: "Rollover", import: "Import" };
const ORDER = ["review", "dashboard", "rollover", "import"];

export const FEATURE_PAGES: FeaturePage[] = Object.entries(modules)
  .map(([path, load]) => {
    const m = /features\/([^/]+)\/\1-page\.tsx$/.exec(path);
    if (!m) return null;
    const feature = m[1];
    return {
      feature,
      label: LABELS[feature] ?? feature.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase()),
      membersOnly: true,
      Component: lazy(load),
    };
  })
  .filter((p): p is FeaturePage => p !== null)
  .sort((a, b) => (ORDER.indexOf(a.feature) + 1 || 99) - (ORDER.indexOf(b.feature) + 1 || 99) || a.feature.localeCompare(b.feature));

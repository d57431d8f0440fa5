/**
 * Whole plans across the lists: writing one (seed, import; all or nothing, re-runnable), reading one back, and
 * rolling one over to the next period. Kept out of src/data/index.ts: the tab loads them only with the features
 * that need them (import, rollover), so its first view stays small.
 */
export * from "./people.ts";
export * from "./read-plan-tree.ts";
export * from "./rollover.ts";
export type { CloseResult, KeptDecision } from "./rollover-close.ts";
export * from "./write-indicators.ts";
export * from "./write-plan-tree.ts";

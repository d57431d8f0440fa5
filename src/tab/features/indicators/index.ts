/** What the indicators feature gives the route table: one chunk for the action view's panel and the dashboard's. */
export { default as ActionIndicators } from "./action-indicators.tsx";
export { default as IndicatorRollup } from "./indicator-rollup.tsx";

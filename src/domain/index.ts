/** The pure domain: model, plan tree, dates, London time, status, bank holidays, working days, reminder policy. */
export * from "./bank-holidays";
export * from "./dates";
export * from "./london-time";
export * from "./plan-tree";
export * from "./reminder-policy";
export * from "./status";
export * from "./types";
export * from "./working-days";
export * from "./deep-links";
export * from "./report-model";
export * from "./review-queue";
export * from "./dashboard-model";
export * from "./review-decision";
export * from "./rollover";
export * from "./update-source";
export * from "./continuity";
export * from "./cover-report";

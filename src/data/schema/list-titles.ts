/**
 * Each list's title, the name `list(sp, key)` finds it by. Apart from the lists' definitions (./lists.ts) so that a
 * query needs only the titles: the first view reads one list and need not carry every list's columns.
 */
import type { ListKey } from "./vocabulary.ts";

export const LIST_TITLES: Readonly<Record<ListKey, string>> = {
  plans: "EAP Plans",
  roles: "EAP Roles",
  objectives: "EAP Objectives",
  commitments: "EAP Commitments",
  actions: "EAP Actions",
  updates: "EAP Updates",
  coverReports: "EAP Cover Reports",
  indicators: "EAP Indicators",
  indicatorValues: "EAP Indicator Values",
  evidence: "EAP Evidence",
  eqias: "EAP Equality Impact Assessments",
  eqiaLinks: "EAP EqIA Links",
  conversations: "EAP Conversations",
  ledger: "EAP Reminder Ledger",
};

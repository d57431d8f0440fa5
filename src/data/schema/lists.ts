/**
 * All our lists, built from the entities' own definitions. Provisioning creates them in LIST_ORDER; `list(sp, key)`
 * finds a list by its title here.
 */
import { ACTIONS_LIST } from "../actions/fields.ts";
import { COMMITMENTS_LIST } from "../commitments/fields.ts";
import { CONVERSATIONS_LIST } from "../conversations/fields.ts";
import { COVER_REPORTS_LIST } from "../cover-reports/fields.ts";
import { EQIA_LINKS_LIST } from "../eqia-links/fields.ts";
import { EQIAS_LIST } from "../eqias/fields.ts";
import { EVIDENCE_LIST } from "../evidence/fields.ts";
import { INDICATOR_VALUES_LIST } from "../indicator-values/fields.ts";
import { INDICATORS_LIST } from "../indicators/fields.ts";
import { LEDGER_LIST } from "../ledger/fields.ts";
import { OBJECTIVES_LIST } from "../objectives/fields.ts";
import { PLANS_LIST } from "../plans/fields.ts";
import { ROLES_LIST } from "../roles/fields.ts";
import { UPDATES_LIST } from "../updates/fields.ts";
import type { ListDef, ListKey } from "./vocabulary.ts";

/** Dependency order: a lookup's target list comes before the list that points at it. */
const ORDERED: readonly ListDef[] = [
  PLANS_LIST,
  ROLES_LIST,
  OBJECTIVES_LIST,
  COMMITMENTS_LIST,
  ACTIONS_LIST,
  UPDATES_LIST,
  COVER_REPORTS_LIST,
  INDICATORS_LIST,
  INDICATOR_VALUES_LIST,
  EVIDENCE_LIST,
  EQIAS_LIST,
  EQIA_LINKS_LIST,
  CONVERSATIONS_LIST,
  LEDGER_LIST,
];

/** Lists in dependency order (lookup targets first). */
export const LIST_ORDER: ListKey[] = ORDERED.map((l) => l.key);

export const LISTS = Object.fromEntries(ORDERED.map((l) => [l.key, l])) as Record<ListKey, ListDef>;

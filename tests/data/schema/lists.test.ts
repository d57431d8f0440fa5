/**
 * The schema built from the entities (src/data/schema/lists.ts): every list once, in an order provisioning can
 * follow (a lookup's target exists before the column that points at it), within SharePoint's limits.
 */
import { describe, expect, it } from "vitest";
import { checkSchema } from "../../../src/data/provision.ts";
import { LIST_ORDER, LISTS } from "../../../src/data/schema/lists.ts";
import type { ListKey } from "../../../src/data/schema/vocabulary.ts";

// A Record over ListKey: the compiler refuses this object if a list key is added without being listed here.
const EVERY_KEY: Record<ListKey, true> = {
  plans: true,
  roles: true,
  objectives: true,
  commitments: true,
  actions: true,
  updates: true,
  coverReports: true,
  conversations: true,
  ledger: true,
  indicators: true,
  indicatorValues: true,
  evidence: true,
  eqias: true,
  eqiaLinks: true,
};

describe("the lists built from the entities", () => {
  it("holds every list exactly once, keyed by its own key", () => {
    expect([...LIST_ORDER].sort()).toEqual(Object.keys(EVERY_KEY).sort());
    for (const key of LIST_ORDER) expect(LISTS[key].key).toBe(key);
    expect(new Set(LIST_ORDER.map((k) => LISTS[k].title)).size).toBe(LIST_ORDER.length);
  });

  it("puts every lookup's target list before the list that points at it (or on the list itself)", () => {
    for (const [i, key] of LIST_ORDER.entries()) {
      for (const f of LISTS[key].fields.filter((x) => x.lookupList)) {
        expect(LIST_ORDER.indexOf(f.lookupList as ListKey), `${key}.${f.name} → ${f.lookupList}`).toBeLessThanOrEqual(i);
      }
    }
  });

  it("stays within SharePoint's limits (indexes per list, unique needs an index, no index on multi-value or notes)", () => {
    expect(() => checkSchema()).not.toThrow();
  });
});

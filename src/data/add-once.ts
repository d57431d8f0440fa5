/**
 * Adding an item that carries a key in a unique column, once: if an earlier attempt of the same write already
 * landed (PnPjs re-sends a POST when the connection drops after SharePoint committed it), SharePoint refuses the
 * duplicate and the item that holds the key is returned instead, marked as existing. The caller decides whether
 * that item is its own (the same submission) or someone else's (a conflict).
 */
import type { SPFI } from "./create-sp.ts";
import { callSharePoint, toDataError } from "./errors.ts";
import { eq } from "./odata.ts";
import { type Item, list, queryOnce } from "./queries.ts";
import type { ListKey } from "./schema/vocabulary.ts";

export interface AddOnce {
  list: ListKey;
  fields: Record<string, unknown>;
  /** The unique column and the key this item carries in it. */
  keyField: string;
  select: readonly string[];
  expand?: readonly string[];
  /** Words for errors: "Saving the value". */
  what: string;
}

export async function addOnce(sp: SPFI, a: AddOnce): Promise<{ item: Item; existed: boolean }> {
  const key = String(a.fields[a.keyField]);
  const byKey = async () => (await queryOnce(sp, a.list, { filter: eq(a.keyField, key), select: a.select, expand: a.expand, top: 1 }))[0];
  try {
    await list(sp, a.list).items.add(a.fields);
  } catch (err) {
    const e = toDataError(err, a.what);
    if (e.reason !== "duplicate") throw e;
    const existing = await callSharePoint(a.what, byKey);
    if (!existing) throw e;
    return { item: existing, existed: true };
  }
  // Read back by its key, with the people expanded, as every other read shapes it.
  const item = await callSharePoint(a.what, byKey);
  if (!item) throw toDataError({ status: 404, message: "the item just added cannot be read back" }, a.what);
  return { item, existed: false };
}

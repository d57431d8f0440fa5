/**
 * An item's change with the ETag it was read with, carrying a write key in its WriteKey column (actions, EqIAs).
 * When SharePoint applied a MERGE whose reply was lost (a gateway timeout, a dropped connection), PnPjs' re-send is
 * answered 412, because our own write moved the ETag on; the item's WriteKey then shows whether the write that moved
 * it was ours, and if so this is success (its new ETag), not a conflict. Any other refusal is the DataError of `what`.
 */
import type { SPFI } from "./create-sp.ts";
import { toDataError } from "./errors.ts";
import { type Item, list } from "./queries.ts";
import type { ListKey } from "./schema/vocabulary.ts";
import { etagOf } from "./values.ts";

export async function updateWithWriteKey(
  sp: SPFI,
  key: ListKey,
  id: number,
  change: { fields: Record<string, unknown>; etag: string; writeKey: string },
  what: string,
): Promise<string | undefined> {
  const item = list(sp, key).items.getById(id);
  try {
    const res = await item.update({ ...change.fields, WriteKey: change.writeKey }, change.etag);
    return (res as { etag?: string } | undefined)?.etag;
  } catch (err) {
    if ((err as { status?: number }).status === 412) {
      const now = (await item.select("Id", "WriteKey")().catch(() => null)) as Item | null;
      if (now && now.WriteKey === change.writeKey) return etagOf(now);
    }
    throw toDataError(err, what);
  }
}
